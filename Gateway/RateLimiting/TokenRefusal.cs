namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// Why a model request was refused: the limit, the estimate it could not cover, and how long until it could; with the
/// tenant's bucket and the tokens asked of it, for a wait on the bucket's lease.
/// </summary>
internal readonly record struct TokenRefusal(CompiledTokenRateLimit Limit, int Estimate, TimeSpan RetryAfter, LeasedBucket Bucket, int Charged);
