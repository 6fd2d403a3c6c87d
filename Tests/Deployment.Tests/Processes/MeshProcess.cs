using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>
/// A silo, gateway or model server running as its own OS process (<c>dotnet X.dll</c>), configured by environment
/// variables alone, as an operator starts it. <see cref="Kill"/> is kill -9; <see cref="StopAsync"/> is SIGTERM and a
/// graceful shutdown. Output is kept for failure messages.
/// </summary>
internal sealed partial class MeshProcess : IAsyncDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;
    private const int MaxOutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private MeshProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The OS process id (to read <c>/proc/ID</c>).</summary>
    public int Id => _process.Id;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote, stdout and stderr interleaved.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts <paramref name="dll"/> in its own directory (its content root) with <paramref name="environment"/> added.</summary>
    public static MeshProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Nothing of the test host's own ASP.NET or mesh settings leaks into the child: it gets exactly what it is given.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("OrleansMesh__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var mesh = new MeshProcess(name, process);
        process.OutputDataReceived += (_, e) => mesh.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => mesh.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return mesh;
    }

    /// <summary>Waits until <paramref name="url"/> answers 200, failing early (with the output) if the process exits.</summary>
    public async Task WaitUntilHealthyAsync(Uri url, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < within)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before {url} was healthy:{Environment.NewLine}{Output}");
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
                // Listening but slow to answer: starting up on a busy machine.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name}: {url} was not healthy within {within}:{Environment.NewLine}{Output}");
    }

    /// <summary>Waits for the process to exit by itself; false if it is still running after <paramref name="within"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>kill -9: no shutdown hooks, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>
    /// kill -9 of this process alone, sent at once (no walk of the process tree first, which takes a while on a busy
    /// machine), then waits for it to be gone: for timelines that start at the signal.
    /// </summary>
    public void KillNow()
    {
        if (!_process.HasExited)
        {
            Signal(SigKill);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, as Kubernetes and docker stop send it; kill -9 if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = SendSignal(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>SIGSTOP: the process stops running; the kernel still accepts connections to its ports.</summary>
    public void Pause() => Signal(SigStop);

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Resume() => Signal(SigCont);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Signal(int signal)
    {
        if (SendSignal(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} ({Name}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
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

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
