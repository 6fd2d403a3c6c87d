namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// Envoy's circuit-breaker counters: at most <see cref="Limit"/> at once, no queue. Lock-free: an increment that
/// lands over the limit is taken back.
/// </summary>
internal sealed class ConcurrencyLimiter(int limit)
{
    private int _current;

    public int Limit { get; } = limit;

    public int Current => Volatile.Read(ref _current);

    public bool TryAcquire()
    {
        if (Interlocked.Increment(ref _current) <= Limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _current);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref _current);
}
