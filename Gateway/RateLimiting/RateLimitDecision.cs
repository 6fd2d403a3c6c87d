namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>Whether every rate limit of a request had a token; when not, the limit that refused and when to retry.</summary>
internal readonly record struct RateLimitDecision(CompiledRateLimit? RefusedBy, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allowed => default;

    public bool IsAllowed => RefusedBy is null;
}
