namespace OrleansMesh.Resilience;

/// <summary>
/// Where a rate limit takes the client key from, so each client gets its own bucket.
/// Exactly one of the two is set. A request without the key shares the bucket of all key-less requests.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.RateLimitKey")]
public sealed record RateLimitKey
{
    /// <summary>A request header, e.g. <c>x-tenant</c>.</summary>
    [Id(0)] public string? Header { get; init; }

    /// <summary>A claim of the request's validated JWT (RequestAuthentication), e.g. <c>sub</c>.</summary>
    [Id(1)] public string? Claim { get; init; }
}
