using OrleansMesh.Resilience;

namespace OrleansMesh.Abstractions.Tests.Resilience;

public sealed class SlidingWindowTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SlidingWindow window = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));

    [Fact]
    public void GetTotals_OutcomesInSeveralBuckets_SumsThem()
    {
        window.Add(T0, 3, 1);
        window.Add(T0.AddSeconds(4.5), 2, 5);

        var totals = window.GetTotals(T0.AddSeconds(5));

        Assert.Equal(new WindowTotals(5, 6), totals);
        Assert.Equal(11, totals.Total);
    }

    [Fact]
    public void GetTotals_BucketOlderThanWindow_DropsOut()
    {
        window.Add(T0.AddSeconds(0.5), 0, 4);
        window.Add(T0.AddSeconds(1.5), 7, 0);

        Assert.Equal(new WindowTotals(7, 4), window.GetTotals(T0.AddSeconds(9.99)));
        Assert.Equal(new WindowTotals(7, 0), window.GetTotals(T0.AddSeconds(10)));
        Assert.Equal(new WindowTotals(0, 0), window.GetTotals(T0.AddSeconds(11)));
    }

    [Fact]
    public void Add_SlotReusedAfterWindow_StartsBucketFromZero()
    {
        window.Add(T0, 5, 5);

        window.Add(T0.AddSeconds(10), 1, 0);

        Assert.Equal(new WindowTotals(1, 0), window.GetTotals(T0.AddSeconds(10)));
    }

    [Fact]
    public void Add_TimeOlderThanWindow_IsDropped()
    {
        window.Add(T0.AddSeconds(20), 1, 0);

        window.Add(T0.AddSeconds(10), 0, 9);

        Assert.Equal(new WindowTotals(1, 0), window.GetTotals(T0.AddSeconds(20)));
    }

    [Fact]
    public void Clear_WithOutcomes_EmptiesWindow()
    {
        window.Add(T0, 3, 3);

        window.Clear();

        Assert.Equal(new WindowTotals(0, 0), window.GetTotals(T0));
    }

    [Fact]
    public void FailurePercentage_EmptyWindow_IsZero() => Assert.Equal(0, new WindowTotals(0, 0).FailurePercentage);

    [Fact]
    public void Constructor_BucketLongerThanWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindow(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));

    [Fact]
    public void Constructor_MoreThan600Buckets_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindow(TimeSpan.FromSeconds(601), TimeSpan.FromSeconds(1)));
}
