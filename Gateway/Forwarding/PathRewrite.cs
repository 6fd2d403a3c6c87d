using System.Text.RegularExpressions;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>
/// Istio's <c>rewrite.uri</c> and <c>rewrite.uriRegexRewrite</c>: with a prefix match only the matched prefix is
/// replaced, otherwise the whole path.
/// </summary>
internal sealed class PathRewrite
{
    private readonly string? _uri;
    private readonly string? _matchedPrefix;
    private readonly Regex? _regex;
    private readonly string? _replacement;

    private PathRewrite(string? uri, string? matchedPrefix, Regex? regex, string? replacement)
    {
        _uri = uri;
        _matchedPrefix = matchedPrefix;
        _regex = regex;
        _replacement = replacement;
    }

    public static PathRewrite? Create(HttpRewrite? rewrite, string? matchedPrefix, RegexCache? regexes = null)
    {
        if (rewrite?.UriRegexRewrite is { } regexRewrite)
        {
            var regex = regexes?.Get(regexRewrite.Match) ?? RegexCache.Create(regexRewrite.Match);

            // RE2 writes group references as \1; .NET as $1.
            var replacement = Regex.Replace(regexRewrite.Rewrite.Replace("$", "$$", StringComparison.Ordinal), @"\\(\d)", "$${$1}");
            return new PathRewrite(null, null, regex, replacement);
        }

        return rewrite?.Uri is { } uri ? new PathRewrite(uri, matchedPrefix, null, null) : null;
    }

    public string Apply(string path)
    {
        var rewritten = Rewrite(path);

        // A rewrite that drops the leading slash would make the upstream request invalid.
        return rewritten.StartsWith('/') ? rewritten : "/" + rewritten;
    }

    private string Rewrite(string path)
    {
        if (_regex is not null)
        {
            return _regex.Replace(path, _replacement!);
        }

        if (_matchedPrefix is not null && path.StartsWith(_matchedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path.AsSpan(_matchedPrefix.Length);

            // Envoy avoids a double slash when both the rewrite ends and the rest starts with one.
            return _uri!.EndsWith('/') && rest.StartsWith("/") ? string.Concat(_uri, rest[1..]) : string.Concat(_uri, rest);
        }

        return _uri!;
    }
}
