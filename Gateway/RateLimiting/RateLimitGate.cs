using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>The request path's rate-limit check: every limit of the route and destination must have a token.</summary>
internal sealed class RateLimitGate(RateLimitBuckets buckets)
{
    /// <summary>Envoy's response flag for a request its rate limiter refused.</summary>
    public const string Flag = ResponseFlags.RateLimited;

    /// <summary>
    /// Takes a token from each limit in turn. Completes synchronously unless a cluster-wide bucket is out of tokens
    /// while its lease is in flight: then the request waits for it, up to <see cref="RateLimitingOptions.LeaseWait"/>.
    /// </summary>
    public ValueTask<RateLimitDecision> AcquireAsync(HttpContext context, CompiledRateLimit[] limits)
    {
        var now = buckets.Time.GetTimestamp();
        for (var i = 0; i < limits.Length; i++)
        {
            if (!limits[i].TryAcquire(context, buckets, now, out var retryAfter, out var leased))
            {
                return leased is null || buckets.LeaseWait <= TimeSpan.Zero
                    ? new(new RateLimitDecision(limits[i], retryAfter))
                    : AcquireWhenLeasedAsync(context, limits, i, leased, retryAfter);
            }
        }

        return new(RateLimitDecision.Allowed);
    }

    private async ValueTask<RateLimitDecision> AcquireWhenLeasedAsync(HttpContext context, CompiledRateLimit[] limits, int refused, LeasedBucket bucket, TimeSpan retryAfter)
    {
        var (acquired, wait) = await bucket.AcquireWhenLeasedAsync(1, retryAfter, buckets.LeaseWait, buckets.Time, context.RequestAborted);
        if (!acquired)
        {
            return new RateLimitDecision(limits[refused], wait);
        }

        // The limits after the one that made the request wait: they may now make it wait in turn.
        return refused + 1 == limits.Length ? RateLimitDecision.Allowed : await AcquireAsync(context, limits[(refused + 1)..]);
    }

    /// <summary>The refusal: 429 with <c>Retry-After</c> in whole seconds (at least 1), as Envoy's rate limit filter answers.</summary>
    public static Rejection Reject(RateLimitDecision refused, bool delayed)
    {
        var limit = refused.RefusedBy!;
        var seconds = Math.Max(1, (long)Math.Ceiling(refused.RetryAfter.TotalSeconds));
        var scope = limit.IsGlobal ? "cluster-wide" : "local";
        return new Rejection(RejectionKind.RateLimited, $"{scope} rate limit {limit.Scope} exceeded; retry after {seconds}s") { RetryAfterSeconds = seconds, Delayed = delayed };
    }
}
