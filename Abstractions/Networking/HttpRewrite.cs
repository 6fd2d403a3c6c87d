namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPRewrite</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRewrite")]
public sealed record HttpRewrite
{
    /// <summary>Replaces the part of the path matched by a prefix (or the whole path for other matches).</summary>
    [Id(0)] public string? Uri { get; init; }

    /// <summary>Replaces the authority (Host) header.</summary>
    [Id(1)] public string? Authority { get; init; }

    /// <summary>Replaces each match of a regular expression in the path.</summary>
    [Id(2)] public RegexRewrite? UriRegexRewrite { get; init; }
}
