namespace OrleansMesh.Resilience;

/// <summary>The <c>x-orleansmesh</c> block of a VirtualService HTTP route: what OrleansMesh adds to Istio for one route.</summary>
[GenerateSerializer, Immutable, Alias("om.MeshRoutePolicy")]
public sealed record MeshRoutePolicy
{
    /// <summary>Cluster-wide rate limit of the route's requests.</summary>
    [Id(0)] public RateLimitSettings? RateLimit { get; init; }

    /// <summary>Rate limit each gateway applies on its own to the route's requests.</summary>
    [Id(1)] public RateLimitSettings? LocalRateLimit { get; init; }
}
