using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.ControlPlane;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Networking;

namespace OrleansMesh.Integration.Tests.ControlPlane;

/// <summary>
/// How a gateway treats what is pushed to it: a delta on its own generation applies; a stale push is ignored; a push
/// after a gap, or from another epoch of the control plane, makes it pull the full snapshot instead.
/// Each test ends with a valid delta carrying a marker host: once the marker is served, every earlier push was handled.
/// </summary>
public sealed class ConfigPushTests : IAsyncLifetime
{
    private readonly MeshCluster _mesh = new(silos: 1);
    private GatewayHost _gateway = null!;
    private MeshConfigSubscriber _subscriber = null!;
    private GatewaySnapshotStore _store = null!;
    private MeshSnapshot _current = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        await _mesh.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: real
            spec:
              hosts: [real]
              http:
              - directResponse: {status: 200}
            """);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
        _subscriber = _gateway.Services.GetRequiredService<MeshConfigSubscriber>();
        _store = _gateway.Services.GetRequiredService<GatewaySnapshotStore>();
        _current = await _mesh.Config.GetSnapshotAsync();
        await Eventually.TrueAsync(() => _subscriber.Generation == _current.Generation, "the gateway serving the current generation");
    }

    [Fact]
    public async Task PushOnTheCurrentGeneration_IsAppliedAsADelta()
    {
        await PushAsync(_current.Epoch, _current.Generation, "pushed");

        await Eventually.TrueAsync(() => _store.Current.Routing.FindHost("pushed") is not null, "the pushed host being served");
        Assert.NotNull(_store.Current.Routing.FindHost("real"));
    }

    [Fact]
    public async Task AppliedChange_GatewayAcknowledgesTheGenerationItServes()
    {
        await _mesh.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: acknowledged
            spec:
              hosts: [acknowledged]
              http:
              - directResponse: {status: 200}
            """);
        var applied = await _mesh.Config.GetSnapshotAsync();

        // Renewals also report the generation, but only every second: an acknowledgement at the swap sets the time.
        await Eventually.TrueAsync(
            async () => (await _mesh.Config.ListSubscribersAsync()).Any(s => s.Served == applied.Version && s.LastAcknowledged is not null),
            "the gateway acknowledging the applied generation");
    }

    [Fact]
    public async Task StalePush_IsIgnored()
    {
        await PushAsync(_current.Epoch, _current.Generation - 1, "stale", generation: _current.Generation);
        await PushMarkerAsync(_current.Generation);

        Assert.Null(_store.Current.Routing.FindHost("stale"));
    }

    [Fact]
    public async Task PushAfterAGap_PullsTheFullSnapshotInsteadOfApplyingIt()
    {
        await PushAsync(_current.Epoch, _current.Generation + 1, "after-gap");
        await PushMarkerAsync(_current.Generation);

        Assert.Null(_store.Current.Routing.FindHost("after-gap"));
        Assert.NotNull(_store.Current.Routing.FindHost("real"));
    }

    [Fact]
    public async Task PushFromAnotherEpoch_PullsTheFullSnapshotEvenOnAMatchingGeneration()
    {
        await PushAsync(Guid.NewGuid(), _current.Generation, "other-epoch");
        await PushMarkerAsync(_current.Generation);

        Assert.Null(_store.Current.Routing.FindHost("other-epoch"));
    }

    private Task PushAsync(Guid epoch, long baseGeneration, string host, long? generation = null) =>
        _subscriber.OnMeshUpdatedAsync(new MeshUpdate
        {
            Epoch = epoch,
            BaseGeneration = baseGeneration,
            Generation = generation ?? baseGeneration + 1,
            Changed = [Answering(host)],
            CommittedAt = DateTimeOffset.UtcNow,
        });

    private async Task PushMarkerAsync(long baseGeneration)
    {
        await PushAsync(_current.Epoch, baseGeneration, "marker");
        await Eventually.TrueAsync(() => _store.Current.Routing.FindHost("marker") is not null, "the marker host being served");
    }

    private static RouteTable Answering(string host) => new()
    {
        Host = host,
        Generation = 1,
        VirtualServices =
        [
            new VirtualService
            {
                Metadata = new ResourceMetadata { Name = host },
                Spec = new VirtualServiceSpec { Hosts = [host], Http = [new HttpRoute { DirectResponse = new HttpDirectResponse { Status = 200 } }] },
            },
        ],
    };

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
