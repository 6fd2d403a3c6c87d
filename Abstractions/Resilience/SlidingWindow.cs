namespace OrleansMesh.Resilience;

/// <summary>
/// Success and failure counts over the last <see cref="Window"/>, kept in buckets of <see cref="Bucket"/>:
/// outcomes leave the window a whole bucket at a time, when the bucket they were added in is older than the window.
/// Buckets are aligned on multiples of <see cref="Bucket"/> since the Unix epoch, so two windows with the same
/// parameters agree on which outcomes they hold. Not thread-safe; callers pass the time in.
/// </summary>
public sealed class SlidingWindow
{
    private readonly long[] bucketIds;
    private readonly long[] successes;
    private readonly long[] failures;

    /// <summary>A window of <paramref name="window"/> counted in buckets of <paramref name="bucket"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A length is not positive, the bucket is longer than the window, or the window needs more than 600 buckets.
    /// </exception>
    public SlidingWindow(TimeSpan window, TimeSpan bucket)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bucket, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, bucket);
        var count = (long)Math.Ceiling(window / bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Configuration.MeshExtensionRules.MaxBucketsPerWindow, nameof(window));
        Window = window;
        Bucket = bucket;
        bucketIds = new long[count];
        successes = new long[count];
        failures = new long[count];
        Array.Fill(bucketIds, long.MinValue);
    }

    /// <summary>How long outcomes stay counted (rounded up to whole buckets).</summary>
    public TimeSpan Window { get; }

    /// <summary>The granularity outcomes leave the window with.</summary>
    public TimeSpan Bucket { get; }

    /// <summary>Adds outcomes at <paramref name="now"/>; outcomes dated before the window are dropped.</summary>
    public void Add(DateTimeOffset now, long successCount, long failureCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successCount);
        ArgumentOutOfRangeException.ThrowIfNegative(failureCount);
        var id = BucketId(now);
        var slot = Slot(id);
        if (bucketIds[slot] != id)
        {
            if (bucketIds[slot] > id)
            {
                // The slot already holds a newer bucket: this time is older than the window.
                return;
            }

            bucketIds[slot] = id;
            successes[slot] = 0;
            failures[slot] = 0;
        }

        successes[slot] += successCount;
        failures[slot] += failureCount;
    }

    /// <summary>The outcomes still in the window at <paramref name="now"/>.</summary>
    public WindowTotals GetTotals(DateTimeOffset now)
    {
        var newest = BucketId(now);
        var oldest = newest - bucketIds.Length + 1;
        long s = 0, f = 0;
        for (var i = 0; i < bucketIds.Length; i++)
        {
            if (bucketIds[i] >= oldest && bucketIds[i] <= newest)
            {
                s += successes[i];
                f += failures[i];
            }
        }

        return new WindowTotals(s, f);
    }

    /// <summary>Forgets every outcome.</summary>
    public void Clear()
    {
        Array.Fill(bucketIds, long.MinValue);
        Array.Clear(successes);
        Array.Clear(failures);
    }

    private long BucketId(DateTimeOffset now) => Math.DivRem(now.UtcTicks, Bucket.Ticks).Quotient;

    private int Slot(long id) => (int)(((id % bucketIds.Length) + bucketIds.Length) % bucketIds.Length);
}
