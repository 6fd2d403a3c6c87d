namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPPathMatch</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpPathMatch")]
public sealed record HttpPathMatch
{
    /// <summary><c>Exact</c>, <c>PathPrefix</c> (the default, matched by whole path segments) or <c>RegularExpression</c>.</summary>
    [Id(0)] public string? Type { get; init; }

    /// <summary>The path, prefix or expression; default <c>/</c>.</summary>
    [Id(1)] public string? Value { get; init; }
}
