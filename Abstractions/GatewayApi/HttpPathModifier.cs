namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPPathModifier</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpPathModifier")]
public sealed record HttpPathModifier
{
    /// <summary><c>ReplaceFullPath</c> or <c>ReplacePrefixMatch</c>.</summary>
    [Id(0)] public string Type { get; init; } = "";

    /// <summary><c>replaceFullPath</c>.</summary>
    [Id(1)] public string? ReplaceFullPath { get; init; }

    /// <summary><c>replacePrefixMatch</c>: replaces the matched <c>PathPrefix</c>.</summary>
    [Id(2)] public string? ReplacePrefixMatch { get; init; }
}
