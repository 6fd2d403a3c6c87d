using OrleansMesh.Resilience;

namespace OrleansMesh.Grains.Resilience;

/// <summary>
/// One cluster-wide token bucket (key = the bucket id the gateway derives from route or destination and client key).
/// Each lease settles the tokens the gateway let through on credit, takes back what it did not use, then grants what the
/// bucket holds, up to the wanted count. The bucket is soft state: a re-activation starts it full, which lets at most
/// one extra burst through, instead of a storage write on every lease. It adopts the settings of the latest lease.
/// </summary>
internal sealed class RateLimitGrain(TimeProvider time) : Grain, IRateLimitGrain
{
    private TokenBucket? bucket;

    /// <remarks>
    /// <see cref="TokenLease.RetryAfter"/> is set whenever the bucket ran dry before the wanted count (none granted
    /// included): the time until it holds what the gateway still needs, at least one token.
    /// </remarks>
    public Task<TokenLease> LeaseAsync(LeaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        if (bucket is null)
        {
            bucket = new TokenBucket(request.Settings, now);
        }
        else if (bucket.Settings != request.Settings)
        {
            bucket.Reconfigure(now, request.Settings);
        }

        bucket.Owe(now, request.Owed);
        bucket.Return(request.Returned);
        var granted = bucket.Take(now, request.Wanted);
        var retryAfter = granted < request.Wanted ? bucket.TimeUntilAvailable(now, Math.Max(1, request.Needed - granted)) : TimeSpan.Zero;
        return Task.FromResult(new TokenLease { Granted = granted, RetryAfter = retryAfter });
    }
}
