using System.Globalization;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Hosting;

namespace OrleansMesh.Deployment.Tests.Gateway;

/// <summary>A gateway process whose cluster is not there (nothing listens on its Orleans gateway port): live, not ready.</summary>
public sealed class GatewayAdminFixture : IAsyncLifetime
{
    private GatewayProcess? _gateway;

    internal GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("the gateway has not started");

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync(new Dictionary<string, string>
    {
        ["OrleansMesh__Clustering"] = MeshClusterOptions.LocalhostClustering,
        ["OrleansMesh__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["OrleansMesh__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}
