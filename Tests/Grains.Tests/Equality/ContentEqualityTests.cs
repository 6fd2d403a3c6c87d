using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Equality;

public sealed class ContentEqualityTests
{
    [Fact]
    public void AreEqual_SameContentInSeparateInstances_True()
    {
        var left = ServiceEntry("se", ["h"], selector: Labels(("app", "x")), endpoints: ["10.0.0.1"]);
        var right = ServiceEntry("se", ["h"], selector: Labels(("app", "x")), endpoints: ["10.0.0.1"]);

        Assert.NotEqual(left, right); // why the comparer exists: ImmutableArray compares by reference
        Assert.True(ContentEquality.AreEqual(left, right));
    }

    [Fact]
    public void AreEqual_DictionaryValueDiffers_False()
    {
        var left = WorkloadEntry("w", "10.0.0.1", Labels(("version", "v1")));
        var right = WorkloadEntry("w", "10.0.0.1", Labels(("version", "v2")));

        Assert.False(ContentEquality.AreEqual(left, right));
    }

    [Fact]
    public void AreEqual_NestedRouteWeightDiffers_False()
    {
        var left = VirtualService("vs", ["h"]);
        var right = left with
        {
            Spec = left.Spec with { Http = [left.Spec.Http[0] with { Route = [left.Spec.Http[0].Route[0] with { Weight = 50 }] }] },
        };

        Assert.False(ContentEquality.AreEqual(left, right));
    }

    [Fact]
    public void AreEqual_DefaultAndEmptyImmutableArray_True()
    {
        var left = new RouteTable { Host = "h", VirtualServices = default };
        var right = new RouteTable { Host = "h", VirtualServices = [] };

        Assert.True(ContentEquality.AreEqual(left, right));
    }

    [Fact]
    public void AreEqual_DifferentKindsWithSameMetadata_False()
    {
        MeshResource left = new VirtualService { Metadata = new ResourceMetadata { Name = "x" } };
        MeshResource right = new DestinationRule { Metadata = new ResourceMetadata { Name = "x" } };

        Assert.False(ContentEquality.AreEqual(left, right));
    }

    [Fact]
    public void AreEqual_SequenceOrderDiffers_False()
    {
        Assert.False(ContentEquality.AreEqual(ImmutableArray.Create("a", "b"), ImmutableArray.Create("b", "a")));
    }
}
