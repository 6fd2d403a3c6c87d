namespace OrleansMesh.Resilience;

/// <summary>
/// The <c>x-orleansmesh</c> block of a DestinationRule's <c>trafficPolicy</c> (top level or subset):
/// what OrleansMesh adds to Istio for one destination. In a subset, each of its fields set replaces the top-level one.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.MeshTrafficPolicy")]
public sealed record MeshTrafficPolicy
{
    /// <summary>Cluster-wide circuit breaker of the destination.</summary>
    [Id(0)] public CircuitBreakerSettings? CircuitBreaker { get; init; }

    /// <summary>Cluster-wide rate limit of requests to the destination.</summary>
    [Id(1)] public RateLimitSettings? RateLimit { get; init; }

    /// <summary>Rate limit each gateway applies on its own to requests to the destination.</summary>
    [Id(2)] public RateLimitSettings? LocalRateLimit { get; init; }
}
