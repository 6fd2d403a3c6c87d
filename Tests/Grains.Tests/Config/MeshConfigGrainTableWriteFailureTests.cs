using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Config;
using OrleansMesh.Grains.Tests.Cluster;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Config;

public sealed class MeshConfigGrainTableWriteFailureTests : IClassFixture<FaultyStorageClusterFixture>, IDisposable
{
    private readonly FaultyStorageClusterFixture fixture;
    private readonly IMeshConfigGrain grain;
    private readonly string host = UniqueHost();

    public MeshConfigGrainTableWriteFailureTests(FaultyStorageClusterFixture fixture)
    {
        this.fixture = fixture;
        fixture.Faults.Reset();
        grain = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");
    }

    public void Dispose() => fixture.Faults.Reset();

    [Fact]
    public async Task ApplyAsync_TableWriteFails_SucceedsWithWarningNamingGenerationAndHost()
    {
        fixture.Faults.FailRouteTableWrites = true;

        var result = await grain.ApplyAsync(Apply(VirtualService("vs", [host])));

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Generation);
        Assert.Equal(ChangeAction.Created, Assert.Single(result.Changes).Action);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(
            $"The change is stored at generation 1, but the route tables of {host} could not be written yet; the control plane " +
            "rewrites them (retrying every 5 s) and gateways get the change then. There is no need to apply it again.",
            warning.Message);
    }

    [Fact]
    public async Task ApplyAsync_TableWriteFailsThenSameApply_Unchanged()
    {
        fixture.Faults.FailRouteTableWrites = true;
        await grain.ApplyAsync(Apply(VirtualService("vs", [host])));
        fixture.Faults.FailRouteTableWrites = false;

        var result = await grain.ApplyAsync(Apply(VirtualService("vs", [host])));

        Assert.Equal(ChangeAction.Unchanged, Assert.Single(result.Changes).Action);
        Assert.Equal(1, result.Generation);
    }

    [Fact]
    public async Task RepairTimer_StorageBack_WritesTheTable()
    {
        var observer = new RecordingObserver();
        await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));
        fixture.Faults.FailRouteTableWrites = true;
        await grain.ApplyAsync(Apply(VirtualService("vs", [host])));
        fixture.Faults.FailRouteTableWrites = false;

        fixture.Time.Advance(MeshConfigGrain.RepairInterval);
        await observer.NextAsync();

        var table = await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync();
        Assert.Equal("vs", Assert.Single(table.VirtualServices).Metadata.Name);
    }

    [Fact]
    public async Task RepairTimer_StorageBack_FirstPushMakesEveryGatewayPull()
    {
        var observer = new RecordingObserver();
        var version = await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));
        fixture.Faults.FailRouteTableWrites = true;
        await grain.ApplyAsync(Apply(VirtualService("vs", [host]), Gateway("ingress")));
        fixture.Faults.FailRouteTableWrites = false;

        fixture.Time.Advance(MeshConfigGrain.RepairInterval);
        var update = await observer.NextAsync();

        Assert.Equal((version.Epoch, 1L, MeshConfigGrain.NoBaseGeneration), (update.Epoch, update.Generation, update.BaseGeneration));
        Assert.Equal("ingress", Assert.Single(update.Gateways).Metadata.Name);
    }

    [Fact]
    public async Task RepairTimer_StorageStillDown_TriesAgainAtEachTick()
    {
        fixture.Faults.FailRouteTableWrites = true;
        await grain.ApplyAsync(Apply(VirtualService("vs", [host])));
        await fixture.Faults.NextFailureAsync(host);

        fixture.Time.Advance(MeshConfigGrain.RepairInterval);

        await fixture.Faults.NextFailureAsync(host);
    }

    [Fact]
    public async Task GetSnapshotAsync_ChangedTableNotWritten_RewritesItFirst()
    {
        var other = UniqueHost();
        await grain.ApplyAsync(Apply(VirtualService("vs", [host])));
        fixture.Faults.FailRouteTableWrites = true;
        await grain.ApplyAsync(Apply(VirtualService("vs", [host], destination: other)));
        fixture.Faults.FailRouteTableWrites = false;

        var snapshot = await grain.GetSnapshotAsync();

        var route = Assert.Single(Assert.Single(Assert.Single(snapshot.Tables).VirtualServices).Spec.Http).Route;
        Assert.Equal(other, Assert.Single(route).Destination.Host);
    }
}
