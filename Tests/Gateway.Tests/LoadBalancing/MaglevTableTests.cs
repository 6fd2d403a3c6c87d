using OrleansMesh.Gateway.LoadBalancing;
using static OrleansMesh.Gateway.Tests.LoadBalancing.HashTables;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

public sealed class MaglevTableTests
{
    [Fact]
    public void Constructor_DefaultSize_IsEnvoys65537AndEveryEntryOwned()
    {
        var table = new MaglevTable(EndpointKeys(3));

        Assert.Equal(65537, table.Length);
        Assert.All(Enumerable.Range(0, table.Length), s => Assert.InRange(table.EndpointAt(s), 0, 2));
    }

    [Fact]
    public void Constructor_ThreeEndpoints_EachOwnsAThirdOfTheEntries()
    {
        var table = new MaglevTable(EndpointKeys(3), 65537);

        var owned = Enumerable.Range(0, 3).Select(e => Enumerable.Range(0, table.Length).Count(s => table.EndpointAt(s) == e));

        // Turn taking gives each endpoint M / N entries, give or take one.
        Assert.All(owned, c => Assert.InRange(c, 21845, 21846));
    }

    [Fact]
    public void Slot_EndpointsListedInAnotherOrder_SameEndpoint()
    {
        var keys = EndpointKeys(5);
        var reversed = keys.Reverse().ToArray();

        Assert.Equal(Owners(new MaglevTable(keys), keys), Owners(new MaglevTable(reversed), reversed));
    }

    [Fact]
    public void Slot_10kKeys_SpreadEvenly()
    {
        var keys = EndpointKeys(5);

        var counts = Counts(Owners(new MaglevTable(keys), keys), keys);

        Assert.All(counts, c => Assert.InRange(c, 1_800, 2_200));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void Slot_OneEndpointRemoved_MovesAboutItsShare(int n)
    {
        var all = EndpointKeys(n);
        var remaining = all.Where((_, i) => i != n / 2).ToArray();
        var before = Owners(new MaglevTable(all), all);

        var after = Owners(new MaglevTable(remaining), remaining);

        // Maglev trades a little extra movement among the survivors for O(1) lookups; still within the bound.
        Assert.InRange(MovedFraction(before, after), 0, (1.0 / n) + 0.05);
        Assert.All(before.Zip(after).Where(p => p.First == all[n / 2]), p => Assert.NotEqual(all[n / 2], p.Second));
    }
}
