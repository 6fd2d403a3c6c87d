using OrleansMesh.Gateway.Model;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Routing;

/// <summary>A compiled <see cref="HttpMatchRequest"/>: every condition that is set must hold.</summary>
internal sealed class RequestMatch
{
    private readonly StringMatcher? _uri;
    private readonly StringMatcher? _method;
    private readonly StringMatcher? _authority;
    private readonly StringMatcher? _scheme;
    private readonly HeaderCondition[] _headers;
    private readonly HeaderCondition[] _withoutHeaders;
    private readonly QueryCondition[] _query;
    private readonly uint? _port;

    public RequestMatch(HttpMatchRequest match, RegexCache? regexes = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        _uri = match.Uri is null ? null : new StringMatcher(match.Uri, match.IgnoreUriCase && match.Uri.Kind != StringMatchKind.Regex, regexes);
        _method = match.Method is null ? null : new StringMatcher(match.Method, regexes: regexes);
        _authority = match.Authority is null ? null : new StringMatcher(match.Authority, regexes: regexes);
        _scheme = match.Scheme is null ? null : new StringMatcher(match.Scheme, regexes: regexes);
        _headers = [.. match.Headers.Select(h => new HeaderCondition(h.Key, new StringMatcher(h.Value, regexes: regexes)))];
        _withoutHeaders = [.. match.WithoutHeaders.Select(h => new HeaderCondition(h.Key, new StringMatcher(h.Value, regexes: regexes)))];
        _query = [.. match.QueryParams.Select(q => new QueryCondition(q.Key, new StringMatcher(q.Value, regexes: regexes)))];
        _port = match.Port;
        Name = match.Name;
    }

    public string? Name { get; }

    /// <summary>The literal prefix when the path is matched by prefix; a prefix <c>rewrite.uri</c> replaces just that part.</summary>
    public string? UriPrefix => _uri is { Kind: StringMatchKind.Prefix or StringMatchKind.SegmentPrefix } ? _uri.Value : null;

    /// <summary>
    /// The part of the path a <c>rewrite.uri</c> replaces, as Envoy's <c>prefix_rewrite</c> does: the matched prefix,
    /// <c>/</c> when the path is not matched at all (Envoy's route then matches prefix <c>/</c>), or null for the whole path.
    /// </summary>
    public string? RewritablePrefix => _uri is null ? "/" : UriPrefix;

    public bool IsMatch(HttpRequest request)
    {
        if (_uri is not null && !_uri.IsMatch(request.Path.Value ?? "/"))
        {
            return false;
        }

        if (_method is not null && !_method.IsMatch(request.Method))
        {
            return false;
        }

        if (_authority is not null && !_authority.IsMatch(request.Host.Value ?? ""))
        {
            return false;
        }

        if (_scheme is not null && !_scheme.IsMatch(request.Scheme))
        {
            return false;
        }

        if (_port is { } port && request.HttpContext.Connection.LocalPort != port)
        {
            return false;
        }

        foreach (var header in _headers)
        {
            if (!header.IsMatch(request.Headers))
            {
                return false;
            }
        }

        foreach (var header in _withoutHeaders)
        {
            if (header.IsMatch(request.Headers))
            {
                return false;
            }
        }

        if (_query.Length > 0)
        {
            var query = request.Query;
            foreach (var condition in _query)
            {
                if (!condition.IsMatch(query))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
