namespace OrleansMesh.Resilience;

/// <summary>The <c>x-orleansmesh</c> block of a VirtualService HTTP route: what OrleansMesh adds to Istio for one route.</summary>
[GenerateSerializer, Immutable, Alias("om.MeshRoutePolicy")]
public sealed record MeshRoutePolicy
{
    /// <summary>Cluster-wide rate limit of the route's requests.</summary>
    [Id(0)] public RateLimitSettings? RateLimit { get; init; }

    /// <summary>Rate limit each gateway applies on its own to the route's requests.</summary>
    [Id(1)] public RateLimitSettings? LocalRateLimit { get; init; }

    /// <summary>Cluster-wide limit of the model tokens the route's OpenAI-compatible requests spend, per tenant if keyed.</summary>
    [Id(2)] public TokenRateLimitSettings? TokenRateLimit { get; init; }

    /// <summary>Ordered fallback destinations for when the chosen destination fails.</summary>
    [Id(3)] public FallbackSettings? Fallback { get; init; }
}
