using System.Globalization;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// The request path's token limit: charges an OpenAI-compatible request's estimate to its tenant's cluster-wide
/// bucket before it is forwarded, and settles the real usage after. Requests the gateway did not read as model
/// requests (no <see cref="InferenceRequest"/>) pass untouched.
/// </summary>
internal sealed class TokenRateLimitGate(RateLimitBuckets buckets)
{
    /// <summary>Charges the estimate; false (with when to retry) when the tenant's bucket cannot cover it.</summary>
    public bool TryCharge(HttpContext context, CompiledTokenRateLimit? limit, out TokenCharge? charge, out TokenRefusal refusal)
    {
        charge = null;
        refusal = default;
        if (limit is null || context.Features.Get<InferenceRequest>() is not { } request)
        {
            return true;
        }

        var settings = limit.Settings;
        var estimate = TokenEstimate.Of(request.BodyLength, request.MaxTokens, settings.Estimate);
        var charged = Math.Min(estimate, settings.Capacity);
        var bucket = buckets.Global(limit.Scope, CompiledRateLimit.ClientKey(context, settings.Key), limit.Bucket);
        if (!bucket.TryAcquire(buckets.Time.GetTimestamp(), charged, out var retryAfter))
        {
            refusal = new TokenRefusal(limit, estimate, retryAfter, bucket, charged);
            return false;
        }

        charge = new TokenCharge(bucket, request, estimate, charged);
        return true;
    }

    /// <summary>
    /// After <see cref="TryCharge"/> refused: waits up to <see cref="RateLimitingOptions.LeaseWait"/> for the tenant's
    /// lease in flight, so a burst is not refused by a share the gateway has not been given yet.
    /// </summary>
    /// <returns>The charge once the estimate is covered; else null and the refusal to answer with.</returns>
    public async ValueTask<(TokenCharge? Charge, TokenRefusal Refusal)> ChargeWhenLeasedAsync(HttpContext context, TokenRefusal refusal)
    {
        if (buckets.LeaseWait <= TimeSpan.Zero || context.Features.Get<InferenceRequest>() is not { } request)
        {
            return (null, refusal);
        }

        var (acquired, retryAfter) = await refusal.Bucket.AcquireWhenLeasedAsync(refusal.Charged, refusal.RetryAfter, buckets.LeaseWait, buckets.Time, context.RequestAborted);
        return acquired
            ? (new TokenCharge(refusal.Bucket, request, refusal.Estimate, refusal.Charged), refusal)
            : (null, refusal with { RetryAfter = retryAfter });
    }

    /// <summary>Settles a charge once forwarding returned (the response is complete). Never waits for a grain.</summary>
    /// <param name="charge">The charge, or null when none was made.</param>
    /// <param name="reachedUpstream">Whether an attempt reached an upstream (else the whole estimate is given back).</param>
    public void Settle(TokenCharge? charge, bool reachedUpstream) => charge?.Settle(buckets.Time.GetTimestamp(), reachedUpstream);

    /// <summary>The refusal: 429 with <c>Retry-After</c> (whole seconds until the estimate is covered, at least 1) and OpenAI's error body.</summary>
    public static Rejection Reject(TokenRefusal refusal, bool delayed)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(refusal.RetryAfter.TotalSeconds));
        var settings = refusal.Limit.Settings;
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Rate limit reached for tokens per {UnitName(settings.Unit)} on {refusal.Limit.Scope}: Limit {settings.TokensPerUnit}, Requested {refusal.Estimate}. Please try again in {seconds}s.");
        return new Rejection(RejectionKind.TokenRateLimited, message) { RetryAfterSeconds = seconds, Delayed = delayed };
    }

    private static string UnitName(RateLimitUnit unit) => unit switch
    {
        RateLimitUnit.Minute => "minute",
        RateLimitUnit.Hour => "hour",
        RateLimitUnit.Day => "day",
        _ => "second",
    };
}
