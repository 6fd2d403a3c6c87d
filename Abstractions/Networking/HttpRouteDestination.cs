namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPRouteDestination</c>: a destination and its share of the traffic.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRouteDestination")]
public sealed record HttpRouteDestination
{
    /// <summary>Where the request goes.</summary>
    [Id(0)] public Destination Destination { get; init; } = new();

    /// <summary>Relative weight; unset means 100 for a single destination and 0 otherwise, as Istio.</summary>
    [Id(1)] public int? Weight { get; init; }

    /// <summary>Header manipulation when this destination is chosen.</summary>
    [Id(2)] public HeaderOperations? Headers { get; init; }
}
