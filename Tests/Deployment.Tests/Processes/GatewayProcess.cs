using System.Globalization;
using OrleansMesh.Gateway.Hosting;

namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>A gateway process (the built <c>OrleansMesh.Gateway</c>) with its proxy and admin listeners on free ports.</summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private GatewayProcess(MeshProcess process, int proxyPort, int adminPort)
    {
        Process = process;
        Proxy = new Uri($"http://127.0.0.1:{proxyPort}");
        Admin = new Uri($"http://127.0.0.1:{adminPort}");
    }

    public MeshProcess Process { get; }

    public Uri Proxy { get; }

    public Uri Admin { get; }

    public Uri Live => new(Admin, MeshGatewayAdminOptions.LivePath);

    public Uri Ready => new(Admin, MeshGatewayAdminOptions.ReadyPath);

    /// <summary>Starts a gateway with <paramref name="environment"/> (the cluster's settings) and waits until it is live.</summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var gateway = Launch(environment);
        try
        {
            await gateway.Process.WaitUntilHealthyAsync(gateway.Live, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <summary>
    /// Starts a gateway without waiting for anything, on the given ports (a restart on the ports clients already use)
    /// or on free ones.
    /// </summary>
    public static GatewayProcess Launch(IReadOnlyDictionary<string, string> environment, int? proxyPort = null, int? adminPort = null)
    {
        var (proxy, admin) = (proxyPort ?? FreePorts.Next(), adminPort ?? FreePorts.Next());
        var settings = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{proxy.ToString(CultureInfo.InvariantCulture)}",
            ["OrleansMesh__Gateway__AdminUrls"] = $"http://127.0.0.1:{admin.ToString(CultureInfo.InvariantCulture)}",
        };
        return new GatewayProcess(MeshProcess.Start("gateway", RepositoryFiles.Output("Gateway", "OrleansMesh.Gateway"), settings), proxy, admin);
    }

    public int ProxyPort => Proxy.Port;

    public int AdminPort => Admin.Port;

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
