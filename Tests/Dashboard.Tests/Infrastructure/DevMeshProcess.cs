using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>
/// <c>dotnet OrleansMesh.Silo.dll dev --no-demo</c> as a user runs it: silo, gateway and their admin listeners in one
/// process, every listener on a port the OS chose, config in memory, and the admin token when one is given.
/// </summary>
internal sealed class DevMeshProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DevMeshProcess(Process process, int proxy, int silo, int siloPort, int gatewayPort)
    {
        _process = process;
        Proxy = new Uri($"http://127.0.0.1:{proxy.ToString(CultureInfo.InvariantCulture)}");
        Silo = new Uri($"http://127.0.0.1:{silo.ToString(CultureInfo.InvariantCulture)}");
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The gateway's proxy listener.</summary>
    public Uri Proxy { get; }

    /// <summary>The silo's HTTP listener (health, metrics, the dashboard).</summary>
    public Uri Silo { get; }

    public Uri Dashboard => new(Silo, "/dashboard/");

    /// <summary>Orleans' silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>Orleans' client gateway port, which a cluster client connects to.</summary>
    public int GatewayPort { get; }

    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<DevMeshProcess> StartAsync(string? adminToken)
    {
        var (proxy, admin, silo, siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var dll = RepositoryFiles.Output("Silo", "OrleansMesh.Silo");
        var start = new ProcessStartInfo("dotnet", [dll, "dev", "--no-demo"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("OrleansMesh__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Url(proxy);
        start.Environment["OrleansMesh__Gateway__AdminUrls"] = Url(admin);
        start.Environment["OrleansMesh__Dev__SiloUrl"] = Url(silo);
        start.Environment["OrleansMesh__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["OrleansMesh__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["OrleansMesh__Storage"] = "Memory";
        start.Environment["OrleansMesh__Gateway__AccessLog__Enabled"] = "false";
        if (adminToken is not null)
        {
            start.Environment["OrleansMesh__AdminToken"] = adminToken;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var mesh = new DevMeshProcess(process, proxy, silo, siloPort, gatewayPort);
        process.OutputDataReceived += (_, e) => mesh.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => mesh.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await mesh.WaitUntilHealthyAsync(new Uri(mesh.Silo, "/healthz"), TimeSpan.FromSeconds(90));
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }

        return mesh;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Url(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    private async Task WaitUntilHealthyAsync(Uri url, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < within)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the dev mesh exited with code {_process.ExitCode} before {url} was healthy:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer on a busy machine.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the dev mesh: {url} was not healthy within {within}:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > MaxOutputLines && _output.TryDequeue(out _))
        {
        }
    }
}
