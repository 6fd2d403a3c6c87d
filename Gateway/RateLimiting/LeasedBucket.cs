using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// This gateway's share of one cluster-wide bucket: tokens leased from its grain in batches, spent lock-free by the
/// request path. Running low queues a lease; nothing on the request path waits for it. Until the first lease
/// arrives, requests pass on a small credit that the next lease pays back.
/// </summary>
internal sealed class LeasedBucket
{
    private readonly RateLimitLeaser _leaser;
    private int _tokens;
    private int _owed;
    private int _leasing;
    private long _emptyUntil;
    private long _lastUsed;
    private long _retryAt;
    private volatile GcraLimiter? _fallback;

    public LeasedBucket(string id, RateLimitSettings settings, int leaseSize, int credit, RateLimitLeaser leaser)
    {
        Id = id;
        Settings = settings;
        LeaseSize = leaseSize;
        Credit = credit;
        _leaser = leaser;
    }

    /// <summary>The bucket grain's key.</summary>
    public string Id { get; }

    public RateLimitSettings Settings { get; }

    public int LeaseSize { get; }

    public int Credit { get; }

    public int Tokens => Volatile.Read(ref _tokens);

    public long LastUsed => Volatile.Read(ref _lastUsed);

    /// <summary>Whether the gateway limits this bucket on its own because the grain cannot be reached.</summary>
    public bool IsDegraded => _fallback is not null;

    public bool TryAcquire(long now, out TimeSpan retryAfter)
    {
        Volatile.Write(ref _lastUsed, now);
        if (_fallback is { } fallback)
        {
            if (now >= Volatile.Read(ref _retryAt))
            {
                RequestLease();
            }

            return fallback.TryAcquire(now, out retryAfter);
        }

        var left = Interlocked.Decrement(ref _tokens);
        if (left >= 0)
        {
            if (left < LeaseSize / 2)
            {
                RequestLease();
            }

            retryAfter = TimeSpan.Zero;
            return true;
        }

        Interlocked.Increment(ref _tokens);
        RequestLease();
        var emptyUntil = Volatile.Read(ref _emptyUntil);
        if (now >= emptyUntil && Interlocked.Increment(ref _owed) <= Credit)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        if (now >= emptyUntil)
        {
            Interlocked.Decrement(ref _owed);
        }

        retryAfter = TimeSpan.FromSeconds(Math.Max(1, (double)(emptyUntil - now) / _leaser.Frequency));
        return false;
    }

    /// <summary>Queues a lease unless one is already queued or in flight.</summary>
    public void RequestLease()
    {
        if (Interlocked.CompareExchange(ref _leasing, 1, 0) == 0)
        {
            _leaser.Enqueue(this);
        }
    }

    /// <summary>Takes the debt to settle with the next lease.</summary>
    public int TakeOwed() => Interlocked.Exchange(ref _owed, 0);

    /// <summary>Takes every unused token, to give back to the bucket.</summary>
    public int TakeUnused() => Math.Max(0, Interlocked.Exchange(ref _tokens, 0));

    /// <summary>Applies the grain's answer: tokens to spend, or how long the bucket stays empty.</summary>
    public void Leased(TokenLease lease, long now)
    {
        _fallback = null;
        Interlocked.Add(ref _tokens, lease.Granted);
        Volatile.Write(ref _emptyUntil, lease.Granted > 0 ? 0 : now + (long)(lease.RetryAfter.TotalSeconds * _leaser.Frequency));
        Volatile.Write(ref _leasing, 0);
    }

    /// <summary>The grain could not be reached: limit locally with the same parameters until it can.</summary>
    public void LeaseFailed(long now, int owed, TimeSpan retryDelay)
    {
        _fallback ??= new GcraLimiter(Settings, _leaser.Frequency);
        Interlocked.Add(ref _owed, owed);
        Volatile.Write(ref _retryAt, now + (long)(retryDelay.TotalSeconds * _leaser.Frequency));
        Volatile.Write(ref _leasing, 0);
    }
}
