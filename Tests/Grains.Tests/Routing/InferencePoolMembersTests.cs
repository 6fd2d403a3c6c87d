using System.Collections.Immutable;
using OrleansMesh.Grains.Config;
using OrleansMesh.Grains.Routing;
using OrleansMesh.Inference;
using OrleansMesh.Networking;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Routing;

public sealed class InferencePoolMembersTests
{
    private const string PoolHost = "llm.default.inferencepool";

    [Fact]
    public void Build_PoolHost_MembersAreMatchingEndpointsOfItsNamespaceOnTheTargetPort()
    {
        StoredResource[] all =
        [
            Stored(ServiceEntry("models", ["models.local"], endpoints: ["10.0.0.9"]), 1),
            Stored(WorkloadEntry("a", "10.0.0.1", Labels(("app", "llm"), ("gpu", "h100"))), 2),
            Stored(WorkloadEntry("b", "10.0.0.2", Labels(("app", "web"))), 3),
            Stored(WorkloadEntry("c", "10.0.0.3", Labels(("app", "llm")), ns: "prod"), 4),
            Stored(Pool("llm", 8000), 5),
        ];

        var table = RouteTableBuilder.Build(PoolHost, all);

        Assert.Equal(["10.0.0.1"], table.Service!.Endpoints.Select(e => e.Address));
        Assert.Empty(table.Service.Endpoints[0].Ports);
        Assert.Equal(8000u, Assert.Single(table.Service.Ports).Number);
        Assert.Equal(("llm", 8000u), (table.Pool!.Name, table.Pool.TargetPort));
    }

    [Fact]
    public void Build_SeveralServersOnOneHost_KeepTheirOwnHttpPorts()
    {
        StoredResource[] all =
        [
            Stored(WorkloadEntry("a", "127.0.0.1", Labels(("app", "llm"))) with { Spec = new WorkloadEntrySpec { Address = "127.0.0.1", Labels = Labels(("app", "llm")).ToImmutableDictionary(), Ports = ImmutableDictionary<string, uint>.Empty.Add("http", 9001) } }, 1),
            Stored(WorkloadEntry("b", "127.0.0.1", Labels(("app", "llm"))) with { Spec = new WorkloadEntrySpec { Address = "127.0.0.1", Labels = Labels(("app", "llm")).ToImmutableDictionary(), Ports = ImmutableDictionary<string, uint>.Empty.Add("http", 9002) } }, 2),
            Stored(Pool("llm", 8000), 3),
        ];

        var table = RouteTableBuilder.Build(PoolHost, all);

        Assert.Equal([9001u, 9002u], table.Service!.Endpoints.Select(e => e.Ports["http"]));
    }

    [Fact]
    public void Build_PoolWithObjectives_CarriesTheirPriorities()
    {
        StoredResource[] all = [Stored(Pool("llm", 8000), 1), Stored(Objective("chat", "llm", 5), 2), Stored(Objective("batch", "llm", null), 3), Stored(Objective("x", "other", 9), 4)];

        var table = RouteTableBuilder.Build(PoolHost, all);

        Assert.Equal([("batch", 0), ("chat", 5)], table.Pool!.Objectives.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => (o.Key, o.Value)));
    }

    [Fact]
    public void AffectedHosts_WorkloadEntryJoins_IncludesThePoolHostOfItsNamespace()
    {
        StoredResource[] before = [Stored(Pool("llm", 8000), 1)];
        StoredResource[] after = [.. before, Stored(WorkloadEntry("a", "10.0.0.1", Labels(("app", "llm"))), 2)];

        Assert.Contains(PoolHost, RouteTableBuilder.AffectedHosts(before, after));
    }

    [Fact]
    public void AffectedHosts_ObjectiveChanges_IncludesItsPoolHost()
    {
        StoredResource[] before = [Stored(Pool("llm", 8000), 1)];
        StoredResource[] after = [.. before, Stored(Objective("chat", "llm", 1), 2)];

        Assert.Equal([PoolHost], RouteTableBuilder.AffectedHosts(before, after));
    }

    private static InferencePool Pool(string name, uint port) => new()
    {
        ApiVersion = "inference.networking.k8s.io/v1",
        Metadata = new ResourceMetadata { Name = name },
        Spec = new InferencePoolSpec
        {
            Selector = new InferencePoolSelector { MatchLabels = Labels(("app", name)).ToImmutableDictionary() },
            TargetPorts = [new InferencePoolPort { Number = port }],
            EndpointPickerRef = new EndpointPickerRef { Name = name + "-epp" },
        },
    };

    private static InferenceObjective Objective(string name, string pool, int? priority) => new()
    {
        ApiVersion = "inference.networking.x-k8s.io/v1alpha2",
        Metadata = new ResourceMetadata { Name = name },
        Spec = new InferenceObjectiveSpec { Priority = priority, PoolRef = new PoolReference { Name = pool } },
    };
}
