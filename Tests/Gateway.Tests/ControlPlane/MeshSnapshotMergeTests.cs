using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.ControlPlane;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.ControlPlane;

public sealed class MeshSnapshotMergeTests
{
    private static readonly MeshSnapshot s_current = new()
    {
        Generation = 5,
        Tables =
        [
            Table("reviews", Service("reviews", Workload("127.0.0.1"))),
            Table("ratings", Service("ratings", Workload("127.0.0.2"))),
            Table("details", Service("details", Workload("127.0.0.3"))),
        ],
        Gateways = [IngressGateway("bookinfo-gateway")],
    };

    [Fact]
    public void Apply_ChangedTable_ReplacesTheOldOne()
    {
        var changed = Table("reviews", Service("reviews", Workload("127.0.0.9")));

        var merged = MeshSnapshotMerge.Apply(s_current, Update(changed: [changed]));

        Assert.Same(changed, Assert.Single(merged.Tables, t => t.Host == "reviews"));
    }

    [Fact]
    public void Apply_ChangedTableForNewHost_IsAdded()
    {
        var added = Table("productpage", Service("productpage", Workload("127.0.0.4")));

        var merged = MeshSnapshotMerge.Apply(s_current, Update(changed: [added]));

        Assert.Contains(added, merged.Tables);
    }

    [Fact]
    public void Apply_RemovedHost_Disappears()
    {
        var merged = MeshSnapshotMerge.Apply(s_current, Update(removed: ["ratings"]));

        Assert.DoesNotContain(merged.Tables, t => t.Host == "ratings");
    }

    [Fact]
    public void Apply_RemovedHostInOtherCase_Disappears()
    {
        var merged = MeshSnapshotMerge.Apply(s_current, Update(removed: ["Ratings"]));

        Assert.DoesNotContain(merged.Tables, t => t.Host == "ratings");
    }

    [Fact]
    public void Apply_UntouchedTables_StayAsTheyWere()
    {
        var merged = MeshSnapshotMerge.Apply(s_current, Update(changed: [Table("reviews")], removed: ["ratings"]));

        Assert.Same(s_current.Tables[2], Assert.Single(merged.Tables, t => t.Host == "details"));
    }

    [Fact]
    public void Apply_Update_TakesItsGeneration()
    {
        Assert.Equal(6, MeshSnapshotMerge.Apply(s_current, Update()).Generation);
    }

    [Fact]
    public void Apply_Update_TakesItsGateways()
    {
        var other = IngressGateway("other-gateway");

        var merged = MeshSnapshotMerge.Apply(s_current, Update() with { Gateways = [other] });

        Assert.Same(other, Assert.Single(merged.Gateways));
    }

    private static MeshUpdate Update(RouteTable[]? changed = null, string[]? removed = null) => new()
    {
        Generation = 6,
        BaseGeneration = 5,
        Changed = [.. changed ?? []],
        Removed = [.. removed ?? []],
        Gateways = s_current.Gateways,
    };
}
