namespace OrleansMesh.Networking;

/// <summary>Istio <c>Percent</c>: a share in [0, 100].</summary>
[GenerateSerializer, Immutable, Alias("om.Percent")]
public sealed record Percent
{
    /// <summary>The share, 0 to 100.</summary>
    [Id(0)] public double Value { get; init; }
}
