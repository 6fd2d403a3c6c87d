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
    private readonly int _capacity;
    private long _arrival;

    public GcraLimiter(RateLimitSettings settings, long timestampFrequency)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _interval = Math.Max(1, (long)(settings.Period.TotalSeconds * timestampFrequency / settings.RequestsPerUnit));
        _tolerance = _interval * (settings.Capacity - 1);
        _capacity = settings.Capacity;
        Frequency = timestampFrequency;
    }

    public long Frequency { get; }

    /// <summary>Whether the bucket was full at <paramref name="now"/> (the limiter can be forgotten).</summary>
    public bool IsIdle(long now) => Volatile.Read(ref _arrival) <= now;

    /// <summary>Takes one token at <paramref name="now"/> (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public bool TryAcquire(long now, out TimeSpan retryAfter) => TryAcquire(now, 1, out retryAfter);

    /// <summary>
    /// Takes <paramref name="count"/> tokens at once (at most the capacity: a larger count waits for a full bucket);
    /// <paramref name="retryAfter"/> is how long until the bucket holds them.
    /// </summary>
    public bool TryAcquire(long now, int count, out TimeSpan retryAfter)
    {
        count = Math.Clamp(count, 1, _capacity);
        var tolerance = _tolerance - (_interval * (count - 1));
        var arrival = Volatile.Read(ref _arrival);
        while (true)
        {
            var start = Math.Max(arrival, now);
            if (start - now > tolerance)
            {
                retryAfter = TimeSpan.FromSeconds((double)(start - tolerance - now) / Frequency);
                return false;
            }

            var seen = Interlocked.CompareExchange(ref _arrival, start + (_interval * count), arrival);
            if (seen == arrival)
            {
                retryAfter = TimeSpan.Zero;
                return true;
            }

            arrival = seen;
        }
    }

    /// <summary>Puts back <paramref name="count"/> tokens taken but not spent; the bucket never holds more than its capacity.</summary>
    public void Return(long now, int count) => Move(now, -count);

    /// <summary>Takes <paramref name="count"/> tokens already spent, going into debt down to minus the capacity.</summary>
    public void Owe(long now, int count) => Move(now, count);

    private void Move(long now, int count)
    {
        if (count == 0)
        {
            return;
        }

        // The arrival time runs ahead of now by what the bucket lacks: a full bucket is "now", minus the capacity "now + 2 × capacity".
        var latest = now + (_interval * 2 * _capacity);
        var arrival = Volatile.Read(ref _arrival);
        while (true)
        {
            var moved = Math.Clamp(Math.Max(arrival, now) + (_interval * count), now, latest);
            var seen = Interlocked.CompareExchange(ref _arrival, moved, arrival);
            if (seen == arrival)
            {
                return;
            }

            arrival = seen;
        }
    }
}
