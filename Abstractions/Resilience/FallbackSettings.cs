using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Resilience;

/// <summary>
/// The <c>fallback</c> of a route's <c>x-orleansmesh</c> block: where a request goes, in order, when the destination
/// the route chose fails before the response has started (for example a smaller model when the large one is down).
/// </summary>
[GenerateSerializer, Immutable, Alias("om.FallbackSettings")]
public sealed record FallbackSettings
{
    /// <summary>The fallback destinations, tried in order, each with its own endpoints, breaker and pool.</summary>
    [Id(0)] public ImmutableArray<Destination> Destinations { get; init; } = [];

    /// <summary>Which failures fall back. Default: <see cref="FallbackConditions.Default"/> (all of them).</summary>
    [Id(1)] public FallbackConditions FailOn { get; init; } = FallbackConditions.Default;
}
