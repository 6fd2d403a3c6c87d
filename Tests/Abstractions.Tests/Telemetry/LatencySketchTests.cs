using OrleansMesh.Telemetry;

namespace OrleansMesh.Abstractions.Tests.Telemetry;

public sealed class LatencySketchTests
{
    [Theory]
    [InlineData(0.02)]
    [InlineData(1)]
    [InlineData(12.5)]
    [InlineData(480)]
    [InlineData(59_000)]
    public void ValueOf_BucketOfValue_WithinTheRelativeAccuracy(double milliseconds)
    {
        var estimate = LatencySketch.ValueOf(LatencySketch.BucketOf(milliseconds));

        Assert.InRange(estimate, milliseconds * (1 - LatencySketch.RelativeAccuracy), milliseconds * (1 + LatencySketch.RelativeAccuracy));
    }

    [Fact]
    public void BucketOf_TenMinutes_IsTheLastBucket()
    {
        Assert.Equal(LatencySketch.BucketCount - 1, LatencySketch.BucketOf(TimeSpan.FromMinutes(10).TotalMilliseconds));
        Assert.Equal(LatencySketch.BucketCount - 1, LatencySketch.BucketOf(TimeSpan.FromHours(2).TotalMilliseconds));
    }

    [Fact]
    public void Quantile_UniformValues_WithinTwoPercentOfTheExactQuantile()
    {
        var values = Enumerable.Range(1, 10_000).Select(i => i / 10.0).ToArray();
        var sketch = Sketch(values);

        Assert.InRange(sketch.Quantile(0.5)!.Value, 500 * 0.98, 500 * 1.02);
        Assert.InRange(sketch.Quantile(0.99)!.Value, 990 * 0.98, 990 * 1.02);
        Assert.Equal(10_000, sketch.Count);
    }

    [Fact]
    public void Merge_TwoGatewaysSketches_GivesTheQuantilesOfAllValues()
    {
        // One gateway sees fast requests, the other slow ones: averaging their p99s (10 ms, 1 s) would be wrong.
        var fast = Sketch(Enumerable.Repeat(10.0, 9_000));
        var slow = Sketch(Enumerable.Repeat(1_000.0, 1_000));

        var merged = fast.Merge(slow);

        Assert.InRange(merged.Quantile(0.5)!.Value, 9.8, 10.2);
        Assert.InRange(merged.Quantile(0.95)!.Value, 980, 1020);
        Assert.Equal(10_000, merged.Count);
    }

    [Fact]
    public void Quantile_Empty_IsNull()
    {
        Assert.Null(LatencySketch.Empty.Quantile(0.99));
        Assert.Same(LatencySketch.Empty, LatencySketch.FromBuckets(new long[LatencySketch.BucketCount]));
    }

    [Fact]
    public void FromBuckets_TrimsToTheBucketsUsed()
    {
        var buckets = new long[LatencySketch.BucketCount];
        buckets[100] = 2;
        buckets[103] = 1;

        var sketch = LatencySketch.FromBuckets(buckets);

        Assert.Equal(100, sketch.FirstBucket);
        Assert.Equal([2L, 0, 0, 1], sketch.Counts.ToArray());
    }

    private static LatencySketch Sketch(IEnumerable<double> values)
    {
        var buckets = new long[LatencySketch.BucketCount];
        foreach (var value in values)
        {
            buckets[LatencySketch.BucketOf(value)]++;
        }

        return LatencySketch.FromBuckets(buckets);
    }
}
