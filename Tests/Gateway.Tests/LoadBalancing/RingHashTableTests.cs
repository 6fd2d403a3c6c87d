using OrleansMesh.Gateway.LoadBalancing;
using static OrleansMesh.Gateway.Tests.LoadBalancing.HashTables;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

public sealed class RingHashTableTests
{
    [Fact]
    public void Slot_SameKeyRebuiltRing_SameEndpoint()
    {
        var keys = EndpointKeys(5);

        Assert.Equal(Owners(new RingHashTable(keys), keys), Owners(new RingHashTable(EndpointKeys(5)), keys));
    }

    [Fact]
    public void Slot_EndpointsListedInAnotherOrder_SameEndpoint()
    {
        var keys = EndpointKeys(5);
        var reversed = keys.Reverse().ToArray();

        Assert.Equal(Owners(new RingHashTable(keys), keys), Owners(new RingHashTable(reversed), reversed));
    }

    [Fact]
    public void Constructor_DefaultSize_1024PointsPerEndpoint()
    {
        var ring = new RingHashTable(EndpointKeys(3));

        Assert.Equal(3 * 1024, ring.Length);
        Assert.All(Enumerable.Range(0, 3), e => Assert.Equal(1024, Enumerable.Range(0, ring.Length).Count(s => ring.EndpointAt(s) == e)));
    }

    [Fact]
    public void Constructor_MinimumRingSize_SetsThePointsPerEndpoint()
    {
        Assert.Equal(4 * 64, new RingHashTable(EndpointKeys(4), 64).Length);
    }

    [Fact]
    public void Slot_10kKeys_SpreadRoughlyEvenly()
    {
        var keys = EndpointKeys(5);

        var counts = Counts(Owners(new RingHashTable(keys), keys), keys);

        // 2,000 each on a perfect ring; 1024 points per endpoint leave each share within a few percent.
        Assert.All(counts, c => Assert.InRange(c, 1_700, 2_300));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void Slot_OneEndpointRemoved_MovesAtMostItsShareAndKeepsTheRest(int n)
    {
        var all = EndpointKeys(n);
        var remaining = all.Where((_, i) => i != n / 2).ToArray();
        var before = Owners(new RingHashTable(all), all);

        var after = Owners(new RingHashTable(remaining), remaining);

        Assert.InRange(MovedFraction(before, after), 0, (1.0 / n) + 0.05);
        Assert.All(before.Zip(after).Where(p => p.First != all[n / 2]), p => Assert.Equal(p.First, p.Second));
    }
}
