namespace OrleansMesh.Benchmarks.Concurrency;

/// <summary>
/// A lock-free histogram of durations: 10 µs buckets up to 100 ms, 1 ms buckets up to 100 s (longer ones land in
/// the last bucket). Percentiles are the upper edge of the bucket that holds them.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int FineBuckets = 10_000;     // 0–100 ms in 10 µs
    private const int CoarseBuckets = 100_000;  // 100 ms–100 s in 1 ms
    private readonly long[] _counts = new long[FineBuckets + CoarseBuckets];
    private long _total;
    private long _maxMicroseconds;

    public long Count => Interlocked.Read(ref _total);

    public double MaxMilliseconds => Interlocked.Read(ref _maxMicroseconds) / 1000.0;

    public void Record(long microseconds)
    {
        if (microseconds < 0)
        {
            microseconds = 0;
        }
        var bucket = microseconds < 100_000 ? (int)(microseconds / 10) : FineBuckets + (int)Math.Min((microseconds - 100_000) / 1000, CoarseBuckets - 1);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _total);
        long max;
        while (microseconds > (max = Interlocked.Read(ref _maxMicroseconds)) && Interlocked.CompareExchange(ref _maxMicroseconds, microseconds, max) != max)
        {
        }
    }

    /// <summary>The duration, in milliseconds, below which <paramref name="quantile"/> of the samples fall.</summary>
    public double Percentile(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }
        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return i < FineBuckets ? (i + 1) * 0.01 : 100 + (i - FineBuckets + 1);
            }
        }
        return MaxMilliseconds;
    }
}
