using System.Globalization;
using OrleansMesh.Deployment.Tests.Processes;

namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>
/// <c>dotnet OrleansMesh.Silo.dll dev --no-demo</c> as a user runs it: silo, gateway and their admin listeners in one
/// process, every listener on a port the OS chose, config in memory, and the admin token when one is given.
/// </summary>
internal sealed class DevMeshProcess : IAsyncDisposable
{
    private readonly MeshProcess _process;

    private DevMeshProcess(MeshProcess process, int proxy, int silo, int siloPort, int gatewayPort)
    {
        _process = process;
        Proxy = new Uri(Url(proxy));
        Silo = new Uri(Url(silo));
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

    public string Output => _process.Output;

    public static async Task<DevMeshProcess> StartAsync(string? adminToken)
    {
        var (proxy, admin, silo, siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Url(proxy),
            ["OrleansMesh__Gateway__AdminUrls"] = Url(admin),
            ["OrleansMesh__Dev__SiloUrl"] = Url(silo),
            ["OrleansMesh__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["OrleansMesh__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["OrleansMesh__Storage"] = "Memory",
            ["OrleansMesh__Gateway__AccessLog__Enabled"] = "false",
        };
        if (adminToken is not null)
        {
            environment["OrleansMesh__AdminToken"] = adminToken;
        }

        var mesh = new DevMeshProcess(
            MeshProcess.Start("the dev mesh", RepositoryFiles.Output("Silo", "OrleansMesh.Silo"), environment, "dev", "--no-demo"),
            proxy,
            silo,
            siloPort,
            gatewayPort);
        try
        {
            await mesh._process.WaitUntilHealthyAsync(new Uri(mesh.Silo, "/healthz"), TimeSpan.FromSeconds(90));
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }

        return mesh;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Url(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
}
