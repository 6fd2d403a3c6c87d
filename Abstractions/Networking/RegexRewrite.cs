namespace OrleansMesh.Networking;

/// <summary>Istio <c>RegexRewrite</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.RegexRewrite")]
public sealed record RegexRewrite
{
    /// <summary>The RE2-style pattern.</summary>
    [Id(0)] public string Match { get; init; } = "";

    /// <summary>The replacement, with <c>\1</c>-style group references.</summary>
    [Id(1)] public string Rewrite { get; init; } = "";
}
