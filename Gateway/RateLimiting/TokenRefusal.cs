namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>Why a model request was refused: the limit, the estimate it could not cover, and how long until it could.</summary>
internal readonly record struct TokenRefusal(CompiledTokenRateLimit Limit, int Estimate, TimeSpan RetryAfter);
