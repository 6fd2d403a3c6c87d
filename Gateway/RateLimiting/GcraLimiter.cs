using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// A token bucket as the generic cell rate algorithm keeps it: one "theoretical arrival time" updated with a
/// compare-and-swap, so the request path takes no lock. Equivalent to a bucket of <see cref="RateLimitSettings.Capacity"/>
/// tokens refilled at <see cref="RateLimitSettings.RequestsPerUnit"/> per unit. A limiter whose arrival time has
/// passed is indistinguishable from a new one, which lets idle per-client limiters be dropped without losing anything.
/// </summary>
internal sealed class GcraLimiter
{
    private readonly long _interval;
    private readonly long _tolerance;
    private long _arrival;

    public GcraLimiter(RateLimitSettings settings, long timestampFrequency)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _interval = Math.Max(1, (long)(settings.Period.TotalSeconds * timestampFrequency / settings.RequestsPerUnit));
        _tolerance = _interval * (settings.Capacity - 1);
        Frequency = timestampFrequency;
    }

    public long Frequency { get; }

    /// <summary>Whether the bucket was full at <paramref name="now"/> (the limiter can be forgotten).</summary>
    public bool IsIdle(long now) => Volatile.Read(ref _arrival) <= now;

    /// <summary>Takes one token at <paramref name="now"/> (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public bool TryAcquire(long now, out TimeSpan retryAfter)
    {
        var arrival = Volatile.Read(ref _arrival);
        while (true)
        {
            var start = Math.Max(arrival, now);
            if (start - now > _tolerance)
            {
                retryAfter = TimeSpan.FromSeconds((double)(start - _tolerance - now) / Frequency);
                return false;
            }

            var seen = Interlocked.CompareExchange(ref _arrival, start + _interval, arrival);
            if (seen == arrival)
            {
                retryAfter = TimeSpan.Zero;
                return true;
            }

            arrival = seen;
        }
    }
}
