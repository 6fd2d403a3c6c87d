using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Networking;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Config;

/// <summary>
/// VirtualService delegation in the config store: a root's host table holds the delegate's rules merged in, and a
/// change to the delegate alone rewrites and pushes the root's table (Istio re-merges on any delegate change).
/// </summary>
[Collection(MeshClusterCollection.Name)]
public sealed class MeshConfigGrainDelegationTests(MeshClusterFixture fixture)
{
    private readonly IMeshConfigGrain grain = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");

    [Fact]
    public async Task ApplyAsync_DelegateChanged_RewritesAndPushesTheRootsTable()
    {
        var host = UniqueHost("productpage");
        var applied = await grain.ApplyAsync(Apply(Root(host), Delegate("/productpage/v1")));
        Assert.True(applied.Succeeded, string.Join("; ", applied.Diagnostics));
        var observer = new RecordingObserver();
        await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));

        var changed = await grain.ApplyAsync(Apply(Delegate("/productpage/v2")));
        var update = await observer.NextAsync();

        Assert.True(changed.Succeeded, string.Join("; ", changed.Diagnostics));
        var table = Assert.Single(update.Changed);
        Assert.Equal(host, table.Host);
        var route = Assert.Single(Assert.Single(table.VirtualServices).Spec.Http);
        Assert.Equal(StringMatch.Prefix("/productpage/v2"), Assert.Single(route.Match).Uri);
        Assert.True(ContentEquality.AreEqual(table, await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync()));
    }

    [Fact]
    public async Task ApplyAsync_RootWithMissingDelegate_WarnsAndItsRouteMatchesNothing()
    {
        var host = UniqueHost("productpage");

        var result = await grain.ApplyAsync(Apply(Root(host)));

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal("delegate VirtualService default/details not found: this route matches nothing until it exists", warning.Message);
        Assert.Empty(Assert.Single((await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync()).VirtualServices).Spec.Http);
    }

    [Fact]
    public async Task DeleteAsync_Delegate_WarnsAboutTheRootAndEmptiesItsRoute()
    {
        var host = UniqueHost("productpage");
        var details = Delegate("/productpage/v1");
        await grain.ApplyAsync(Apply(Root(host), details));

        var result = await grain.DeleteAsync(new DeleteRequest { Resources = [details.Id] });

        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.StartsWith("delegate VirtualService default/details not found", StringComparison.Ordinal));
        Assert.Empty(Assert.Single((await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync()).VirtualServices).Spec.Http);
    }

    private static VirtualService Root(string host) => new()
    {
        Metadata = new ResourceMetadata { Name = "root" },
        Spec = new VirtualServiceSpec
        {
            Hosts = [host],
            Http = [new HttpRoute { Match = [new HttpMatchRequest { Uri = StringMatch.Prefix("/productpage") }], Delegate = new VirtualServiceDelegate { Name = "details" } }],
        },
    };

    private static VirtualService Delegate(string prefix) => new()
    {
        Metadata = new ResourceMetadata { Name = "details" },
        Spec = new VirtualServiceSpec
        {
            Http = [new HttpRoute { Match = [new HttpMatchRequest { Uri = StringMatch.Prefix(prefix) }], Route = [new HttpRouteDestination { Destination = new Destination { Host = "details" } }] }],
        },
    };
}
