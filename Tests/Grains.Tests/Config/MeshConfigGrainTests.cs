using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Networking;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Config;

[Collection(MeshClusterCollection.Name)]
public sealed class MeshConfigGrainTests(MeshClusterFixture fixture)
{
    // Each test gets its own config grain, so generations start at 0; route tables are shared, so hosts are unique.
    private readonly IMeshConfigGrain grain = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");

    [Fact]
    public async Task ApplyAsync_NewResources_CreatesAllAndBumpsGenerationOnce()
    {
        var host = UniqueHost();

        var result = await grain.ApplyAsync(Apply(VirtualService("vs", [host]), DestinationRule("dr", host), ServiceEntry("se", [host])));

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Generation);
        Assert.All(result.Changes, c => Assert.Equal(ChangeAction.Created, c.Action));
        Assert.Equal(3, (await grain.ListAsync()).Length);
    }

    // Istio kinds stored without being enforced: kept with their spec text, listed by kind, unchanged when re-applied.
    [Fact]
    public async Task ApplyAsync_EnvoyFilter_StoredAsWrittenAndListedByKind()
    {
        var filter = new UnenforcedResource
        {
            StoredKind = ResourceKind.EnvoyFilter,
            ApiVersion = "networking.istio.io/v1alpha3",
            Metadata = new ResourceMetadata { Name = "lua", Namespace = "istio-system" },
            SpecYaml = "configPatches:\n- applyTo: HTTP_FILTER\n",
        };

        var result = await grain.ApplyAsync(Apply(filter, VirtualService("vs", [UniqueHost()])));
        var again = await grain.ApplyAsync(Apply(filter));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var stored = Assert.IsType<UnenforcedResource>(Assert.Single(await grain.ListAsync(ResourceKind.EnvoyFilter)));
        Assert.Equal(filter.SpecYaml, stored.SpecYaml);
        Assert.Equal(ChangeAction.Unchanged, Assert.Single(again.Changes).Action);
    }

    [Fact]
    public async Task ApplyAsync_IdenticalResourcesAgain_UnchangedWithoutGenerationBump()
    {
        var host = UniqueHost();
        await grain.ApplyAsync(Apply(VirtualService("vs", [host]), ServiceEntry("se", [host], selector: Labels(("app", "x")))));

        var result = await grain.ApplyAsync(Apply(VirtualService("vs", [host]), ServiceEntry("se", [host], selector: Labels(("app", "x")))));

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Generation);
        Assert.All(result.Changes, c => Assert.Equal(ChangeAction.Unchanged, c.Action));
    }

    [Fact]
    public async Task ApplyAsync_ChangedSpec_ConfiguredAndGenerationBumped()
    {
        var host = UniqueHost();
        await grain.ApplyAsync(Apply(VirtualService("vs", [host])));

        var result = await grain.ApplyAsync(Apply(VirtualService("vs", [host, UniqueHost()])));

        Assert.Equal(ChangeAction.Configured, Assert.Single(result.Changes).Action);
        Assert.Equal(2, result.Generation);
    }

    [Fact]
    public async Task ApplyAsync_SameResourceTwiceInRequest_RefusedAndNothingStored()
    {
        var host = UniqueHost();

        var result = await grain.ApplyAsync(Apply(ServiceEntry("se", [host]), VirtualService("vs", [host]), VirtualService("vs", [host])));

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Generation);
        Assert.Empty(result.Changes);
        Assert.Equal("virtualservice/default/vs", Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Resource);
        Assert.Empty(await grain.ListAsync());
        Assert.True((await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync()).IsEmpty);
    }

    [Fact]
    public async Task ApplyAsync_DryRun_ReportsChangesAndStoresNothing()
    {
        var request = Apply(VirtualService("vs", [UniqueHost()])) with { DryRun = true };

        var result = await grain.ApplyAsync(request);

        Assert.True(result.Succeeded);
        Assert.Equal(ChangeAction.Created, Assert.Single(result.Changes).Action);
        Assert.Equal(0, result.Generation);
        Assert.Empty(await grain.ListAsync());
    }

    [Fact]
    public async Task DeleteAsync_MissingResource_ErrorNamingIt()
    {
        var missing = new ResourceId(ResourceKind.VirtualService, "default", "nope");

        var result = await grain.DeleteAsync(new DeleteRequest { Resources = [missing] });

        Assert.False(result.Succeeded);
        Assert.Equal(missing.ToString(), Assert.Single(result.Diagnostics).Resource);
    }

    [Fact]
    public async Task DeleteAsync_StoredResource_DeletedAndTableEmptied()
    {
        var host = UniqueHost();
        var vs = VirtualService("vs", [host]);
        await grain.ApplyAsync(Apply(vs));

        var result = await grain.DeleteAsync(new DeleteRequest { Resources = [vs.Id] });

        Assert.True(result.Succeeded);
        Assert.Equal(ChangeAction.Deleted, Assert.Single(result.Changes).Action);
        Assert.Equal(2, result.Generation);
        Assert.Empty(await grain.ListAsync());
        Assert.True((await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync()).IsEmpty);
        Assert.Empty((await grain.GetSnapshotAsync()).Tables);
    }

    [Fact]
    public async Task ListAsync_KindFilter_OnlyThatKindSortedByNamespaceAndName()
    {
        var host = UniqueHost();
        await grain.ApplyAsync(Apply(VirtualService("b", [host]), VirtualService("a", [host], ns: "prod"), VirtualService("a", [host]), DestinationRule("dr", host)));

        var listed = await grain.ListAsync(ResourceKind.VirtualService);

        Assert.Equal(["default/a", "default/b", "prod/a"], listed.Select(r => $"{r.Metadata.Namespace}/{r.Metadata.Name}"));
    }

    [Fact]
    public async Task ApplyAsync_VirtualServiceWithTwoHosts_InBothTables()
    {
        var (a, b) = (UniqueHost(), UniqueHost());

        await grain.ApplyAsync(Apply(VirtualService("vs", [a, b])));

        Assert.Equal("vs", Assert.Single((await fixture.Client.GetGrain<IRouteTableGrain>(a).GetAsync()).VirtualServices).Metadata.Name);
        Assert.Equal("vs", Assert.Single((await fixture.Client.GetGrain<IRouteTableGrain>(b).GetAsync()).VirtualServices).Metadata.Name);
    }

    [Fact]
    public async Task ApplyAsync_WorkloadEntrySelectedByServiceEntry_InHostsEndpoints()
    {
        var host = UniqueHost();

        await grain.ApplyAsync(Apply(
            ServiceEntry("models", [host], selector: Labels(("app", "llm"))),
            WorkloadEntry("gpu-1", "127.0.0.1", Labels(("app", "llm"), ("version", "v1")))));

        var endpoint = Assert.Single((await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync()).Service!.Endpoints);
        Assert.Equal("127.0.0.1", endpoint.Address);
    }

    [Fact]
    public async Task ApplyAsync_OneHostsVirtualServiceChanged_OnlyThatTableGenerationBumped()
    {
        var (a, b) = (UniqueHost(), UniqueHost());
        await grain.ApplyAsync(Apply(VirtualService("vs-a", [a]), VirtualService("vs-b", [b])));

        await grain.ApplyAsync(Apply(VirtualService("vs-a", [a], destination: b)));

        Assert.Equal(2, (await fixture.Client.GetGrain<IRouteTableGrain>(a).GetAsync()).Generation);
        Assert.Equal(1, (await fixture.Client.GetGrain<IRouteTableGrain>(b).GetAsync()).Generation);
    }

    [Fact]
    public async Task GetSnapshotAsync_SeveralHosts_EveryTableAndGateways()
    {
        var hosts = new[] { UniqueHost(), UniqueHost(), UniqueHost() };
        await grain.ApplyAsync(Apply(VirtualService("vs", hosts[..2]), DestinationRule("dr", hosts[2]), Gateway("ingress")));

        var snapshot = await grain.GetSnapshotAsync();

        Assert.Equal(1, snapshot.Generation);
        Assert.Equal(hosts.Order(StringComparer.Ordinal), snapshot.Tables.Select(t => t.Host));
        Assert.Equal("ingress", Assert.Single(snapshot.Gateways).Metadata.Name);
    }

    [Fact]
    public async Task ApplyAsync_InvalidResource_RefusedWithDiagnosticAtItsFileAndDocument()
    {
        var host = UniqueHost();
        var invalid = ServiceEntry("no-hosts", []);
        var request = new ApplyRequest
        {
            Resources =
            [
                new SourcedResource { Resource = VirtualService("vs", [host]), Origin = new ResourceOrigin { File = "mesh.yaml", Document = 1, Line = 1 } },
                new SourcedResource { Resource = invalid, Origin = new ResourceOrigin { File = "mesh.yaml", Document = 2, Line = 14 } },
            ],
        };

        var result = await grain.ApplyAsync(request);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(invalid.Id.ToString(), error.Resource);
        Assert.Equal(("mesh.yaml", 2), (error.File, error.Document));
        Assert.Empty(await grain.ListAsync());
    }

    [Fact]
    public async Task GetSnapshotAsync_TableLostFromItsGrain_RebuiltFromConfig()
    {
        var host = UniqueHost();
        await grain.ApplyAsync(Apply(VirtualService("vs", [host])));
        await fixture.Client.GetGrain<IRouteTableGrain>(host).ReplaceAsync(new RouteTable());

        var snapshot = await grain.GetSnapshotAsync();

        Assert.Equal("vs", Assert.Single(Assert.Single(snapshot.Tables).VirtualServices).Metadata.Name);
        Assert.False((await fixture.Client.GetGrain<IRouteTableGrain>(host).GetAsync()).IsEmpty);
    }

    [Fact]
    public async Task DeleteAsync_DestinationRuleWhoseSubsetIsStillRouted_SucceedsWithWarning()
    {
        var (front, backend) = (UniqueHost(), UniqueHost());
        var rule = DestinationRule("backend", backend) with
        {
            Spec = new DestinationRuleSpec { Host = backend, Subsets = [new Subset { Name = "v1", Labels = Labels(("version", "v1")).ToImmutableDictionary() }] },
        };
        var route = VirtualService("front", [front]);
        route = route with
        {
            Spec = route.Spec with { Http = [new HttpRoute { Route = [new HttpRouteDestination { Destination = new Destination { Host = backend, Subset = "v1" } }] }] },
        };
        Assert.True((await grain.ApplyAsync(Apply(rule, route))).Succeeded);

        var result = await grain.DeleteAsync(new DeleteRequest { Resources = [rule.Id] });

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(route.Id.ToString(), warning.Resource);
    }
}
