using OrleansMesh.Networking;

namespace OrleansMesh.Resilience;

/// <summary>
/// The health parameters of a destination as the reporting gateway's config snapshot has them. The grain adopts
/// the parameters of the latest report, so it follows config changes without reading route tables itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.DestinationPolicy")]
public sealed record DestinationPolicy
{
    /// <summary>The breaker parameters, or none when the destination has no breaker.</summary>
    [Id(0)] public CircuitBreakerSettings? Breaker { get; init; }

    /// <summary>Istio's outlier detection, or none when the destination has none.</summary>
    [Id(1)] public OutlierDetection? OutlierDetection { get; init; }
}
