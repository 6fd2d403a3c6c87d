using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// This gateway's share of one cluster-wide bucket: tokens leased from its grain in batches, spent lock-free by the
/// request path. Running low queues a lease; a request that still finds tokens never waits for it. Until the first
/// lease arrives, requests pass on a small credit that the next lease pays back; a request that finds the share and the
/// credit spent while a lease is in flight may wait briefly for it (<see cref="AcquireWhenLeasedAsync"/>) rather than be
/// refused by a bucket that still has tokens. A request may take several tokens at once (a model request's token
/// estimate) and settle afterwards: unused ones come back, extra ones are owed.
/// </summary>
internal sealed class LeasedBucket
{
    private readonly RateLimitLeaser _leaser;
    private int _tokens;
    private int _owed;
    private int _needed;
    private int _demand;
    private int _leasing;
    private long _emptyUntil;
    private long _lastUsed;
    private long _retryAt;
    private volatile GcraLimiter? _fallback;
    private TaskCompletionSource? _leaseAnswered;

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

    /// <summary>
    /// After <see cref="TryAcquire(long, int, out TimeSpan)"/> refused: waits up to <paramref name="maxWait"/> for the
    /// lease in flight and tries again after each answer, asking the next lease for this request's tokens too. Waits not
    /// at all when it would not help: no lease in flight, the grain said the bucket is empty, or the grain is unreachable.
    /// </summary>
    /// <returns>True once the tokens are taken; false with the wait to report when still refused.</returns>
    public async ValueTask<(bool Acquired, TimeSpan RetryAfter)> AcquireWhenLeasedAsync(int count, TimeSpan retryAfter, TimeSpan maxWait, TimeProvider time, CancellationToken cancellationToken)
    {
        count = Math.Clamp(count, 1, Settings.Capacity);
        var start = time.GetTimestamp();
        while (WhenLeaseAnswered(time.GetTimestamp()) is { } answered)
        {
            var left = maxWait - time.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            Interlocked.Add(ref _demand, count);
            try
            {
                await answered.WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
            {
                break;
            }

            if (TryAcquire(time.GetTimestamp(), count, out retryAfter))
            {
                // Served by the lease that was already in flight: the next one need not ask for this request again.
                Withdraw(ref _demand, count);
                return (true, TimeSpan.Zero);
            }
        }

        return (false, retryAfter);
    }

    /// <summary>Completes once the lease queued or in flight is answered; null when waiting for a lease would not help.</summary>
    private Task? WhenLeaseAnswered(long now)
    {
        if (_fallback is not null || Volatile.Read(ref _leasing) == 0 || now < Volatile.Read(ref _emptyUntil))
        {
            return null;
        }

        var answered = Volatile.Read(ref _leaseAnswered);
        if (answered is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            answered = Interlocked.CompareExchange(ref _leaseAnswered, created, null) ?? created;
        }

        // The answer may have landed before the signal existed: then look again at once instead of waiting for the next.
        return Volatile.Read(ref _leasing) == 0 ? Task.CompletedTask : answered.Task;
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

    /// <summary>Takes the tokens waiting requests asked for since the last lease was sent.</summary>
    public int TakeDemand() => Math.Max(0, Interlocked.Exchange(ref _demand, 0));

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
        Interlocked.Exchange(ref _leaseAnswered, null)?.TrySetResult();
    }

    /// <summary>The grain could not be reached: limit locally with the same parameters until it can.</summary>
    public void LeaseFailed(long now, int owed, TimeSpan retryDelay)
    {
        _fallback ??= new GcraLimiter(Settings, _leaser.Frequency);
        Interlocked.Add(ref _owed, owed);
        Volatile.Write(ref _retryAt, now + (long)(retryDelay.TotalSeconds * _leaser.Frequency));
        Volatile.Write(ref _leasing, 0);
        Interlocked.Exchange(ref _leaseAnswered, null)?.TrySetResult();
    }

    private static void Withdraw(ref int counter, int count)
    {
        var value = Volatile.Read(ref counter);
        while (value > 0)
        {
            var seen = Interlocked.CompareExchange(ref counter, value - Math.Min(value, count), value);
            if (seen == value)
            {
                return;
            }

            value = seen;
        }
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
