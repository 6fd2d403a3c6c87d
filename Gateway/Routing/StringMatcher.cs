using System.Text.RegularExpressions;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Routing;

/// <summary>
/// A compiled <see cref="StringMatch"/>: exact, prefix or full-match regex, optionally case-insensitive, or any value
/// (presence: the header or query condition around it checks that the value is there).
/// </summary>
internal sealed class StringMatcher
{
    private readonly StringMatchKind _kind;
    private readonly string _value;
    private readonly StringComparison _comparison;
    private readonly Regex? _regex;

    public StringMatcher(StringMatch match, bool ignoreCase = false, RegexCache? regexes = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        _kind = match.Kind;
        _value = match.Value;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (_kind == StringMatchKind.Regex)
        {
            // RE2 semantics: the whole value must match (\z, since $ also matches before a final newline).
            var pattern = $"^(?:{match.Value})\\z";
            _regex = regexes?.Get(pattern) ?? RegexCache.Create(pattern);
        }
    }

    public StringMatchKind Kind => _kind;

    /// <summary>The literal of an exact or prefix match.</summary>
    public string Value => _value;

    public bool IsMatch(ReadOnlySpan<char> input) => _kind switch
    {
        StringMatchKind.Exact => input.Equals(_value, _comparison),
        StringMatchKind.Prefix => input.StartsWith(_value, _comparison),
        StringMatchKind.Present => true,
        StringMatchKind.SegmentPrefix => input.StartsWith(_value, _comparison) && (input.Length == _value.Length || input[_value.Length] == '/'),
        _ => _regex!.IsMatch(input),
    };
}
