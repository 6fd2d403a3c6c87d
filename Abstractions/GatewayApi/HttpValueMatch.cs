namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPHeaderMatch</c> or <c>HTTPQueryParamMatch</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpValueMatch")]
public sealed record HttpValueMatch
{
    /// <summary><c>Exact</c> (the default) or <c>RegularExpression</c>.</summary>
    [Id(0)] public string? Type { get; init; }

    /// <summary>The header (case-insensitive) or query parameter name.</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>The value or expression.</summary>
    [Id(2)] public string Value { get; init; } = "";
}
