using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// This gateway's share of one cluster-wide bucket: tokens leased from its grain in batches, spent lock-free by the
/// request path. Running low queues a lease; nothing on the request path waits for it. Until the first lease
/// arrives, requests pass on a small credit that the next lease pays back. A request may take several tokens at once
/// (a model request's token estimate) and settle afterwards: unused ones come back, extra ones are owed.
/// </summary>
internal sealed class LeasedBucket
{
    private readonly RateLimitLeaser _leaser;
    private int _tokens;
    private int _owed;
    private int _needed;
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

    public bool TryAcquire(long now, out TimeSpan retryAfter) => TryAcquire(now, 1, out retryAfter);

    /// <summary>Takes <paramref name="count"/> tokens at once, or none (at most the capacity: more would never fit).</summary>
    public bool TryAcquire(long now, int count, out TimeSpan retryAfter)
    {
        count = Math.Clamp(count, 1, Settings.Capacity);
        Volatile.Write(ref _lastUsed, now);
        if (_fallback is { } fallback)
        {
            if (now >= Volatile.Read(ref _retryAt))
            {
                RequestLease();
            }

            return fallback.TryAcquire(now, count, out retryAfter);
        }

        var left = Interlocked.Add(ref _tokens, -count);
        if (left >= 0)
        {
            if (left < LeaseSize / 2)
            {
                RequestLease();
            }

            retryAfter = TimeSpan.Zero;
            return true;
        }

        Interlocked.Add(ref _tokens, count);
        if (count > 1)
        {
            Need(count - Math.Max(0, left + count));
        }

        RequestLease();

        // One request larger than the credit may still pass on it when nothing else is owed, so a tenant's first model
        // request never waits for a lease (count 1 leaves the request-count credit as it was).
        var credit = Credit > 0 ? Math.Max(Credit, count) : 0;
        var emptyUntil = Volatile.Read(ref _emptyUntil);
        if (now >= emptyUntil && Interlocked.Add(ref _owed, count) <= credit)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        if (now >= emptyUntil)
        {
            Interlocked.Add(ref _owed, -count);
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

    /// <summary>Puts back <paramref name="count"/> tokens taken but not spent (a request that used less than its estimate).</summary>
    public void Refund(long now, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (_fallback is { } fallback)
        {
            fallback.Return(now, count);
            return;
        }

        Interlocked.Add(ref _tokens, count);
    }

    /// <summary>
    /// Charges <paramref name="count"/> tokens spent beyond what was taken (a request that used more than its estimate):
    /// from the tokens held, the rest owed to the bucket with the next lease, which may take it into debt (down to
    /// minus its capacity) so later grants wait. Never waits for the grain.
    /// </summary>
    public void Charge(long now, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (_fallback is { } fallback)
        {
            fallback.Owe(now, count);
            return;
        }

        var held = Volatile.Read(ref _tokens);
        while (true)
        {
            var taken = Math.Clamp(held, 0, count);
            var seen = Interlocked.CompareExchange(ref _tokens, held - taken, held);
            if (seen == held)
            {
                count -= taken;
                break;
            }

            held = seen;
        }

        if (count > 0)
        {
            Interlocked.Add(ref _owed, Math.Min(count, Settings.Capacity));
            RequestLease();
        }
    }

    /// <summary>Takes the shortfall of the largest request refused since the last lease, for the next lease to cover.</summary>
    public int TakeNeeded() => Interlocked.Exchange(ref _needed, 0);

    /// <summary>Takes the debt to settle with the next lease.</summary>
    public int TakeOwed() => Interlocked.Exchange(ref _owed, 0);

    /// <summary>Takes every unused token, to give back to the bucket.</summary>
    public int TakeUnused() => Math.Max(0, Interlocked.Exchange(ref _tokens, 0));

    /// <summary>
    /// Applies the grain's answer: tokens to spend, or how long the bucket stays empty (or, when the lease fell short of
    /// the <paramref name="needed"/> shortfall of a multi-token request, until it covers it).
    /// </summary>
    public void Leased(TokenLease lease, long now, int needed = 0)
    {
        _fallback = null;
        Interlocked.Add(ref _tokens, lease.Granted);
        var covered = lease.Granted > 0 && lease.Granted >= needed;
        Volatile.Write(ref _emptyUntil, covered ? 0 : now + (long)(lease.RetryAfter.TotalSeconds * _leaser.Frequency));
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

    private void Need(int shortfall)
    {
        var needed = Volatile.Read(ref _needed);
        while (shortfall > needed)
        {
            var seen = Interlocked.CompareExchange(ref _needed, shortfall, needed);
            if (seen == needed)
            {
                return;
            }

            needed = seen;
        }
    }
}
