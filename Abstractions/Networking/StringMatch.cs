namespace OrleansMesh.Networking;

/// <summary>Istio <c>StringMatch</c>: exactly one of <c>exact</c>, <c>prefix</c> or <c>regex</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.StringMatch")]
public sealed record StringMatch
{
    /// <summary>How <see cref="Value"/> is compared. Default: <see cref="StringMatchKind.Exact"/>.</summary>
    [Id(0)] public StringMatchKind Kind { get; init; }

    /// <summary>The literal, prefix or RE2-style regular expression (full match).</summary>
    [Id(1)] public string Value { get; init; } = "";

    /// <summary>An exact match of <paramref name="value"/>.</summary>
    public static StringMatch Exact(string value) => new() { Kind = StringMatchKind.Exact, Value = value };

    /// <summary>A prefix match of <paramref name="value"/>.</summary>
    public static StringMatch Prefix(string value) => new() { Kind = StringMatchKind.Prefix, Value = value };

    /// <summary>A match of any value that is present (Istio's <c>{}</c> in header and query-parameter matches).</summary>
    public static StringMatch Present() => new() { Kind = StringMatchKind.Present };

    /// <summary>A full-match regular expression.</summary>
    public static StringMatch Regex(string value) => new() { Kind = StringMatchKind.Regex, Value = value };
}
