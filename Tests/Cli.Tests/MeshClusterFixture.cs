using System.Globalization;
using Orleans.TestingHost;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli.Tests;

/// <summary>
/// One silo with the mesh grains and the memory storage they use, shared by the tests of <see cref="MeshClusterCollection"/>.
/// Real TCP on 127.0.0.1 (not the in-memory transport), so meshctl's own connection can reach its gateway.
/// </summary>
public sealed class MeshClusterFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    private TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    public IMeshConfigGrain ConfigGrain => Grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);

    /// <summary>meshctl's settings for this cluster, as the OrleansMesh__ environment variables would give them.</summary>
    public IReadOnlyDictionary<string, string?> ConnectionSettings
    {
        get
        {
            var gateway = Cluster.Primary?.GatewayAddress ?? throw new InvalidOperationException("The silo has no gateway.");
            return new Dictionary<string, string?>
            {
                ["OrleansMesh:GatewayPort"] = gateway.Endpoint.Port.ToString(CultureInfo.InvariantCulture),
                ["OrleansMesh:ClusterId"] = Cluster.Options.ClusterId,
                ["OrleansMesh:ServiceId"] = Cluster.Options.ServiceId,
            };
        }
    }

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<MeshSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Deletes every stored resource, so each test starts from an empty mesh.</summary>
    public async Task ResetAsync()
    {
        var stored = await ConfigGrain.ListAsync();
        if (!stored.IsEmpty)
        {
            var result = await ConfigGrain.DeleteAsync(new DeleteRequest { Resources = [.. stored.Select(r => r.Id)] });
            Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
