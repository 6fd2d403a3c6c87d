namespace OrleansMesh.GatewayApi;

/// <summary>A mirror filter's <c>fraction</c>: numerator / denominator (default 100).</summary>
[GenerateSerializer, Immutable, Alias("om.MirrorFraction")]
public sealed record MirrorFraction
{
    /// <summary><c>numerator</c>.</summary>
    [Id(0)] public int Numerator { get; init; }

    /// <summary><c>denominator</c>; default 100.</summary>
    [Id(1)] public int? Denominator { get; init; }
}
