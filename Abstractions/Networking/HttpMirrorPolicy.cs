namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPMirrorPolicy</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpMirrorPolicy")]
public sealed record HttpMirrorPolicy
{
    /// <summary>Where copies go.</summary>
    [Id(0)] public Destination Destination { get; init; } = new();

    /// <summary>Share of requests mirrored. Default: 100 %.</summary>
    [Id(1)] public Percent? Percentage { get; init; }
}
