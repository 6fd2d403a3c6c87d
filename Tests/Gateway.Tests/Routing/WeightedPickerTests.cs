using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class WeightedPickerTests
{
    [Fact]
    public void Cumulative_Weights_AreRunningTotals()
    {
        Assert.Equal([50, 80, 100], WeightedPicker.Cumulative([50, 30, 20]));
    }

    [Fact]
    public void Cumulative_NegativeWeight_CountsAsZero()
    {
        Assert.Equal([10, 10, 30], WeightedPicker.Cumulative([10, -5, 20]));
    }

    [Fact]
    public void Cumulative_NoWeights_IsEmpty()
    {
        Assert.Empty(WeightedPicker.Cumulative([]));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(49, 0)]
    [InlineData(50, 1)]
    [InlineData(79, 1)]
    [InlineData(80, 2)]
    [InlineData(99, 2)]
    public void Pick_RollOnShareBoundary_PicksTheShareHoldingIt(int roll, int expected)
    {
        Assert.Equal(expected, WeightedPicker.Pick([50, 80, 100], roll));
    }

    [Fact]
    public void Pick_RollOnZeroWeightEntry_SkipsIt()
    {
        // Weights 50, 0, 50: the roll 50 belongs to the third entry, not the empty second one.
        Assert.Equal(2, WeightedPicker.Pick([50, 50, 100], 50));
    }
}
