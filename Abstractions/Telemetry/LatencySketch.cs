using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace OrleansMesh.Telemetry;

/// <summary>
/// A mergeable histogram of durations in milliseconds, with DDSketch's logarithmic buckets: every quantile it returns
/// is within <see cref="RelativeAccuracy"/> (2 %) of a value that was recorded at that rank, whatever the
/// distribution, and sketches from many gateways merge by adding counts (merging per-gateway percentiles would be
/// wrong). Values below 10 µs count as 10 µs, above 10 minutes as 10 minutes.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.LatencySketch")]
public sealed record LatencySketch
{
    /// <summary>The bound on the relative error of <see cref="Quantile"/>.</summary>
    public const double RelativeAccuracy = 0.02;

    /// <summary>The smallest duration told apart, in milliseconds.</summary>
    public const double MinMilliseconds = 0.01;

    /// <summary>The number of buckets: 10 µs to 10 min at 2 %.</summary>
    public const int BucketCount = 449;

    private static readonly double s_gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double s_logGamma = Math.Log(s_gamma);

    /// <summary>A sketch with nothing recorded.</summary>
    public static LatencySketch Empty { get; } = new();

    /// <summary>The bucket of <see cref="Counts"/>[0].</summary>
    [Id(0)] public int FirstBucket { get; init; }

    /// <summary>Counts of consecutive buckets from <see cref="FirstBucket"/>.</summary>
    [Id(1)] public ImmutableArray<long> Counts { get; init; } = [];

    /// <summary>Values recorded.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            foreach (var count in Counts)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>The bucket a duration falls in.</summary>
    public static int BucketOf(double milliseconds)
    {
        if (!(milliseconds > MinMilliseconds))
        {
            return 0;
        }

        var bucket = (int)Math.Ceiling(Math.Log(milliseconds / MinMilliseconds) / s_logGamma);
        return Math.Min(bucket, BucketCount - 1);
    }

    /// <summary>The value a bucket stands for: within <see cref="RelativeAccuracy"/> of every value in it.</summary>
    public static double ValueOf(int bucket) => bucket == 0 ? MinMilliseconds : MinMilliseconds * 2 * Math.Pow(s_gamma, bucket) / (s_gamma + 1);

    /// <summary>A sketch of dense bucket counts (index = bucket), trimmed to the buckets used.</summary>
    public static LatencySketch FromBuckets(ReadOnlySpan<long> buckets)
    {
        var first = buckets.IndexOfAnyExcept(0L);
        if (first < 0)
        {
            return Empty;
        }

        var last = buckets.LastIndexOfAnyExcept(0L);
        return new LatencySketch { FirstBucket = first, Counts = [.. buckets[first..(last + 1)]] };
    }

    /// <summary>The sum of two sketches.</summary>
    public LatencySketch Merge(LatencySketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Counts.IsEmpty)
        {
            return this;
        }

        if (Counts.IsEmpty)
        {
            return other;
        }

        var first = Math.Min(FirstBucket, other.FirstBucket);
        var end = Math.Max(FirstBucket + Counts.Length, other.FirstBucket + other.Counts.Length);
        var merged = new long[end - first];
        AddTo(merged, first);
        other.AddTo(merged, first);
        return new LatencySketch { FirstBucket = first, Counts = ImmutableCollectionsMarshal.AsImmutableArray(merged) };
    }

    /// <summary>Adds these counts into <paramref name="buckets"/>, whose index 0 is bucket <paramref name="offset"/>.</summary>
    public void AddTo(Span<long> buckets, int offset = 0)
    {
        for (var i = 0; i < Counts.Length; i++)
        {
            buckets[FirstBucket - offset + i] += Counts[i];
        }
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0 to 1) in milliseconds, or null when nothing was recorded: the value at rank
    /// ⌊q × (n − 1)⌋ of the n recorded, within <see cref="RelativeAccuracy"/>.
    /// </summary>
    public double? Quantile(double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        var count = Count;
        if (count == 0)
        {
            return null;
        }

        var rank = (long)Math.Floor(quantile * (count - 1));
        long seen = 0;
        for (var i = 0; i < Counts.Length; i++)
        {
            seen += Counts[i];
            if (seen > rank)
            {
                return ValueOf(FirstBucket + i);
            }
        }

        return ValueOf(FirstBucket + Counts.Length - 1);
    }
}
