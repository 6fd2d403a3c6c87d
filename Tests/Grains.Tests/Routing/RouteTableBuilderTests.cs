using OrleansMesh.Grains.Config;
using OrleansMesh.Grains.Routing;
using OrleansMesh.Networking;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Routing;

public sealed class RouteTableBuilderTests
{
    [Fact]
    public void Build_VirtualServiceWithTwoHosts_InEachHostsTable()
    {
        StoredResource[] all = [Stored(VirtualService("reviews", ["a.example.com", "b.example.com"]), 1)];

        var a = RouteTableBuilder.Build("a.example.com", all);
        var b = RouteTableBuilder.Build("b.example.com", all);

        Assert.Equal("reviews", Assert.Single(a.VirtualServices).Metadata.Name);
        Assert.Equal("reviews", Assert.Single(b.VirtualServices).Metadata.Name);
    }

    [Fact]
    public void Build_WildcardHost_IsAHostOfItsOwn()
    {
        StoredResource[] all = [Stored(VirtualService("catch-all", ["*"]), 1), Stored(VirtualService("suffix", ["*.example.com"]), 2)];

        Assert.True(RouteTableBuilder.Build("a.example.com", all).IsEmpty);
        Assert.Equal("catch-all", Assert.Single(RouteTableBuilder.Build("*", all).VirtualServices).Metadata.Name);
        Assert.Equal("suffix", Assert.Single(RouteTableBuilder.Build("*.example.com", all).VirtualServices).Metadata.Name);
    }

    [Fact]
    public void Build_MixedCaseHost_MatchesAndKeysLowerCase()
    {
        StoredResource[] all = [Stored(VirtualService("reviews", ["Reviews.Example.COM"]), 1)];

        var table = RouteTableBuilder.Build("REVIEWS.example.com", all);

        Assert.Equal("reviews.example.com", table.Host);
        Assert.Single(table.VirtualServices);
    }

    [Fact]
    public void Build_SeveralVirtualServices_OldestFirstThenNamespaceAndName()
    {
        StoredResource[] all =
        [
            Stored(VirtualService("newest", ["h"]), 3),
            Stored(VirtualService("b", ["h"]), 1),
            Stored(VirtualService("a", ["h"], ns: "zeta"), 1),
            Stored(VirtualService("c", ["h"], ns: "alpha"), 1),
        ];

        var names = RouteTableBuilder.Build("h", all).VirtualServices.Select(vs => $"{vs.Metadata.Namespace}/{vs.Metadata.Name}");

        Assert.Equal(["alpha/c", "default/b", "zeta/a", "default/newest"], names);
    }

    [Fact]
    public void Build_SeveralDestinationRulesForHost_OldestWins()
    {
        StoredResource[] all = [Stored(DestinationRule("younger", "h"), 5), Stored(DestinationRule("older", "H"), 2), Stored(DestinationRule("other", "x"), 1)];

        Assert.Equal("older", RouteTableBuilder.Build("h", all).DestinationRule!.Metadata.Name);
    }

    [Fact]
    public void Build_ServiceEntriesListingHost_PortsUnionFirstWinsPerNumber()
    {
        var first = ServiceEntry("first", ["h"], ports: [80, 8080]);
        var second = ServiceEntry("second", ["h"], ports: [8080, 9090]) with
        {
            Spec = ServiceEntry("second", ["h"], ports: [8080, 9090]).Spec with
            {
                Ports = [new() { Number = 8080, Name = "grpc", Protocol = "GRPC" }, new() { Number = 9090, Name = "metrics" }],
            },
        };
        StoredResource[] all = [Stored(second, 2), Stored(first, 1)];

        var ports = RouteTableBuilder.Build("h", all).Service!.Ports;

        Assert.Equal([80u, 8080u, 9090u], ports.Select(p => p.Number));
        Assert.Equal("http-8080", ports[1].Name);
    }

    [Fact]
    public void Build_WorkloadSelector_AddsMatchingWorkloadEntriesOfSameNamespaceAfterInlineEndpoints()
    {
        StoredResource[] all =
        [
            Stored(ServiceEntry("models", ["h"], selector: Labels(("app", "llm")), endpoints: ["10.0.0.1"]), 1),
            Stored(WorkloadEntry("match", "10.0.0.2", Labels(("app", "llm"), ("version", "v1"))), 2),
            Stored(WorkloadEntry("other-labels", "10.0.0.3", Labels(("app", "web"))), 3),
            Stored(WorkloadEntry("other-namespace", "10.0.0.4", Labels(("app", "llm")), ns: "prod"), 4),
        ];

        var endpoints = RouteTableBuilder.Build("h", all).Service!.Endpoints;

        Assert.Equal(["10.0.0.1", "10.0.0.2"], endpoints.Select(e => e.Address));
        Assert.Equal("v1", endpoints[1].Labels["version"]);
    }

    [Fact]
    public void Build_TwoServiceEntriesSelectingOneWorkload_ListsItOnce()
    {
        StoredResource[] all =
        [
            Stored(ServiceEntry("one", ["h"], selector: Labels(("app", "llm"))), 1),
            Stored(ServiceEntry("two", ["h"], ports: [9090], selector: Labels(("app", "llm"))), 2),
            Stored(WorkloadEntry("w", "10.0.0.2", Labels(("app", "llm"))), 3),
        ];

        Assert.Single(RouteTableBuilder.Build("h", all).Service!.Endpoints);
    }

    [Fact]
    public void Build_ServiceEntryInNamespace_ServiceCarriesIt()
    {
        StoredResource[] all = [Stored(ServiceEntry("models", ["h"], endpoints: ["10.0.0.1"], ns: "team-a"), 1)];

        Assert.Equal("team-a", RouteTableBuilder.Build("h", all).Service!.Namespace);
    }

    [Fact]
    public void Build_ServiceEntryWithoutNamespace_ServiceInDefault()
    {
        var entry = ServiceEntry("models", ["h"]) with { Metadata = new ResourceMetadata { Name = "models" } };

        Assert.Equal("default", RouteTableBuilder.Build("h", [Stored(entry, 1)]).Service!.Namespace);
    }

    [Fact]
    public void Build_HostInTwoNamespaces_OldestNamespaceOnly()
    {
        StoredResource[] all =
        [
            Stored(ServiceEntry("newer", ["h"], ports: [9090], endpoints: ["10.0.0.2"], ns: "alpha"), 2),
            Stored(ServiceEntry("older", ["h"], ports: [8080], endpoints: ["10.0.0.1"], ns: "zeta"), 1),
            Stored(ServiceEntry("older-too", ["h"], ports: [8081], endpoints: ["10.0.0.3"], ns: "zeta"), 3),
        ];

        var service = RouteTableBuilder.Build("h", all).Service!;

        Assert.Equal("zeta", service.Namespace);
        Assert.Equal(["10.0.0.1", "10.0.0.3"], service.Endpoints.Select(e => e.Address));
        Assert.Equal([8080u, 8081u], service.Ports.Select(p => p.Number));
    }

    [Fact]
    public void Build_HostInTwoNamespacesSameRevision_NamespaceOrderDecides()
    {
        StoredResource[] all =
        [
            Stored(ServiceEntry("b", ["h"], endpoints: ["10.0.0.2"], ns: "beta"), 1),
            Stored(ServiceEntry("a", ["h"], endpoints: ["10.0.0.1"], ns: "alpha"), 1),
        ];

        var service = RouteTableBuilder.Build("h", all).Service!;

        Assert.Equal("alpha", service.Namespace);
        Assert.Equal("10.0.0.1", Assert.Single(service.Endpoints).Address);
    }

    [Fact]
    public void Build_NothingNamesHost_EmptyTable()
    {
        StoredResource[] all = [Stored(VirtualService("reviews", ["a"]), 1), Stored(Gateway("ingress"), 2)];

        var table = RouteTableBuilder.Build("b", all);

        Assert.True(table.IsEmpty);
        Assert.Equal(0, table.Generation);
    }

    [Fact]
    public void AffectedHosts_VirtualServiceMovedToOtherHost_OldAndNewHosts()
    {
        StoredResource[] before = [Stored(VirtualService("vs", ["a", "b"]), 1), Stored(VirtualService("other", ["z"]), 2)];
        StoredResource[] after = [Stored(VirtualService("vs", ["b", "c"]), 1), Stored(VirtualService("other", ["z"]), 2)];

        Assert.Equal(["a", "b", "c"], RouteTableBuilder.AffectedHosts(before, after));
    }

    [Fact]
    public void AffectedHosts_SameContentInNewInstances_None()
    {
        StoredResource[] before = [Stored(ServiceEntry("se", ["h"], selector: Labels(("app", "x"))), 1)];
        StoredResource[] after = [Stored(ServiceEntry("se", ["h"], selector: Labels(("app", "x"))), 1)];

        Assert.Empty(RouteTableBuilder.AffectedHosts(before, after));
    }

    [Fact]
    public void AffectedHosts_WorkloadLabelsChanged_HostsOfEntriesSelectingOldOrNewLabels()
    {
        var entries = new[]
        {
            Stored(ServiceEntry("v1", ["v1.svc"], selector: Labels(("version", "v1"))), 1),
            Stored(ServiceEntry("v2", ["v2.svc"], selector: Labels(("version", "v2"))), 2),
            Stored(ServiceEntry("v3", ["v3.svc"], selector: Labels(("version", "v3"))), 3),
        };
        StoredResource[] before = [.. entries, Stored(WorkloadEntry("w", "10.0.0.1", Labels(("version", "v1"))), 4)];
        StoredResource[] after = [.. entries, Stored(WorkloadEntry("w", "10.0.0.1", Labels(("version", "v2"))), 4)];

        Assert.Equal(["v1.svc", "v2.svc"], RouteTableBuilder.AffectedHosts(before, after));
    }

    [Fact]
    public void AffectedHosts_DeletedDestinationRule_ItsHost()
    {
        StoredResource[] before = [Stored(DestinationRule("dr", "Reviews"), 1)];

        Assert.Equal(["reviews"], RouteTableBuilder.AffectedHosts(before, []));
    }

    [Fact]
    public void AffectedHosts_GatewayChanged_None()
    {
        Assert.Empty(RouteTableBuilder.AffectedHosts([], [Stored(Gateway("ingress"), 1)]));
    }

    [Fact]
    public void Build_RootWithDelegate_HoldsTheMergedRules()
    {
        var root = Root("root", "productpage", "/productpage", "details");
        StoredResource[] all = [Stored(root, 1), Stored(Delegate("details", "/productpage/v1"), 2)];

        var table = RouteTableBuilder.Build("productpage", all);

        var route = Assert.Single(Assert.Single(table.VirtualServices).Spec.Http);
        Assert.Equal(StringMatch.Prefix("/productpage/v1"), Assert.Single(route.Match).Uri);
        Assert.Null(route.Delegate);
    }

    [Fact]
    public void Build_Delegate_IsInNoTableOfItsOwn()
    {
        StoredResource[] all = [Stored(Delegate("details", "/v1"), 1)];

        Assert.Empty(RouteTableBuilder.AffectedHosts([], all));
    }

    [Fact]
    public void AffectedHosts_DelegateChanged_IncludesTheRootsHosts()
    {
        var root = Stored(Root("root", "productpage", "/productpage", "details"), 1);
        StoredResource[] before = [root, Stored(Delegate("details", "/productpage/v1"), 2)];
        StoredResource[] after = [root, Stored(Delegate("details", "/productpage/v2"), 2)];

        Assert.Equal(["productpage"], RouteTableBuilder.AffectedHosts(before, after));
    }

    private static VirtualService Root(string name, string host, string prefix, string delegateName) => new()
    {
        Metadata = new ResourceMetadata { Name = name },
        Spec = new VirtualServiceSpec
        {
            Hosts = [host],
            Http = [new HttpRoute { Match = [new HttpMatchRequest { Uri = StringMatch.Prefix(prefix) }], Delegate = new VirtualServiceDelegate { Name = delegateName } }],
        },
    };

    private static VirtualService Delegate(string name, string prefix) => new()
    {
        Metadata = new ResourceMetadata { Name = name },
        Spec = new VirtualServiceSpec
        {
            Http = [new HttpRoute { Match = [new HttpMatchRequest { Uri = StringMatch.Prefix(prefix) }], Route = [new HttpRouteDestination { Destination = new Destination { Host = "details" } }] }],
        },
    };
}
