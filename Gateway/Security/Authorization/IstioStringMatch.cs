namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// Istio's string match in policies: <c>*</c> any non-empty value, <c>abc*</c> a prefix, <c>*abc</c> a suffix,
/// anything else exact.
/// </summary>
internal readonly struct IstioStringMatch
{
    private readonly string _text;
    private readonly Kind _kind;
    private readonly StringComparison _comparison;

    public IstioStringMatch(string pattern, bool ignoreCase = false)
    {
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        (_kind, _text) = pattern switch
        {
            "*" => (Kind.Present, ""),
            _ when pattern.Length > 1 && pattern.EndsWith('*') => (Kind.Prefix, pattern[..^1]),
            _ when pattern.Length > 1 && pattern.StartsWith('*') => (Kind.Suffix, pattern[1..]),
            _ => (Kind.Exact, pattern),
        };
    }

    private enum Kind
    {
        Exact,
        Prefix,
        Suffix,
        Present,
    }

    public bool Matches(string? value) => value is not null && _kind switch
    {
        Kind.Present => value.Length > 0,
        Kind.Prefix => value.StartsWith(_text, _comparison),
        Kind.Suffix => value.EndsWith(_text, _comparison),
        _ => string.Equals(value, _text, _comparison),
    };

    public static IstioStringMatch[] All(IEnumerable<string> patterns, bool ignoreCase = false) =>
        [.. patterns.Select(p => new IstioStringMatch(p, ignoreCase))];
}
