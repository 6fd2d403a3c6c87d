using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.GatewayApi;

/// <summary>
/// One HTTPRoute's rules as VirtualService routes, as Istio's conversion makes them: one route per match (a rule
/// without matches matches path prefix <c>/</c>), each bound to the listener gateways that take the route for the host.
/// </summary>
internal static class HttpRouteRules
{
    public static IEnumerable<HttpRoute> Translate(HttpRouteResource route, ImmutableArray<string> gateways)
    {
        var ns = route.Metadata.Namespace;
        for (var r = 0; r < route.Spec.Rules.Length; r++)
        {
            var rule = route.Spec.Rules[r];
            var matches = rule.Matches.IsDefaultOrEmpty ? [new HttpRouteMatch()] : rule.Matches;
            for (var m = 0; m < matches.Length; m++)
            {
                var match = Match(matches[m], gateways);
                var name = $"{route.Metadata.Name}.{ns}.{rule.Name ?? $"rules[{r}]"}" + (matches.Length > 1 ? $".matches[{m}]" : "");
                yield return Action(rule, match, ns) with { Name = name, Match = [match] };
            }
        }
    }

    private static HttpMatchRequest Match(HttpRouteMatch match, ImmutableArray<string> gateways) => new()
    {
        Uri = Path(match.Path),
        Method = match.Method is { } method ? StringMatch.Exact(method) : null,
        Headers = Values(match.Headers, StringComparer.OrdinalIgnoreCase),
        QueryParams = Values(match.QueryParams, StringComparer.Ordinal),
        Gateways = gateways,
    };

    private static StringMatch Path(HttpPathMatch? path)
    {
        var value = path?.Value ?? "/";
        return path?.Type switch
        {
            "Exact" => StringMatch.Exact(value),
            "RegularExpression" => StringMatch.Regex(value),
            _ when value == "/" => StringMatch.Prefix("/"),

            // "/foo/" and "/foo" are the same prefix: both take /foo and /foo/bar (Istio trims the slash too).
            _ => new StringMatch { Kind = StringMatchKind.SegmentPrefix, Value = value.TrimEnd('/') },
        };
    }

    // A name matched twice: the first wins, as the Gateway API says.
    private static ImmutableDictionary<string, StringMatch> Values(ImmutableArray<HttpValueMatch> matches, StringComparer comparer)
    {
        var values = ImmutableDictionary.CreateBuilder<string, StringMatch>(comparer);
        foreach (var match in matches)
        {
            values.TryAdd(match.Name, match.Type == "RegularExpression" ? StringMatch.Regex(match.Value) : StringMatch.Exact(match.Value));
        }

        return values.ToImmutable();
    }

    private static HttpRoute Action(HttpRouteRule rule, HttpMatchRequest match, string ns)
    {
        var filters = rule.Filters;
        if (filters.FirstOrDefault(f => f.RequestRedirect is not null)?.RequestRedirect is { } redirect)
        {
            return new HttpRoute
            {
                Redirect = new HttpRedirect
                {
                    Scheme = redirect.Scheme,
                    Authority = redirect.Hostname,
                    Port = redirect.Port,
                    Uri = redirect.Path?.ReplaceFullPath,

                    // The Gateway API's default is 302 (Istio's VirtualService default is 301).
                    RedirectCode = redirect.StatusCode ?? 302,
                },
                Headers = Headers(filters),
            };
        }

        var destinations = rule.BackendRefs
            .Where(b => (b.Weight ?? 1) > 0 && BackendKinds.Host(b, ns) is not null)
            .Select(b => new HttpRouteDestination
            {
                Destination = Destination(b, ns),
                Weight = b.Weight ?? 1,
                Headers = Headers(b.Filters),
            })
            .ToImmutableArray();
        if (destinations.IsEmpty)
        {
            // No backend that takes traffic and no filter that answers: the Gateway API says 500.
            return new HttpRoute { DirectResponse = new HttpDirectResponse { Status = 500 } };
        }

        var timeouts = rule.Timeouts;
        return new HttpRoute
        {
            Route = destinations,
            Headers = Headers(filters),
            Rewrite = Rewrite(filters, match),
            Mirrors = [.. filters.Where(f => f.RequestMirror is not null).Select(f => Mirror(f.RequestMirror!, ns))],
            Timeout = timeouts?.Request,

            // backendRequest bounds each attempt; Istio's default retries stay.
            Retries = timeouts?.BackendRequest is { } perTry ? new HttpRetry { Attempts = 2, PerTryTimeout = perTry } : null,
        };
    }

    private static Destination Destination(HttpBackendRef backend, string ns) => new()
    {
        Host = BackendKinds.Host(backend, ns)!,

        // A pool is reached on its target port, whatever port the route names (GIE's quickstart names one).
        Port = BackendKinds.Of(backend) == BackendKind.InferencePool ? null : backend.Port,
    };

    private static HttpMirrorPolicy Mirror(HttpRequestMirrorFilter mirror, string ns) => new()
    {
        Destination = Destination(mirror.BackendRef, ns),
        Percentage = mirror switch
        {
            { Percent: { } percent } => new Percent { Value = percent },
            { Fraction: { } fraction } => new Percent { Value = 100.0 * fraction.Numerator / (fraction.Denominator ?? 100) },
            _ => null,
        },
    };

    private static HttpRewrite? Rewrite(ImmutableArray<HttpRouteFilter> filters, HttpMatchRequest match)
    {
        if (filters.FirstOrDefault(f => f.UrlRewrite is not null)?.UrlRewrite is not { } rewrite)
        {
            return null;
        }

        var path = rewrite.Path;
        return new HttpRewrite
        {
            Authority = rewrite.Hostname,
            Uri = path?.ReplacePrefixMatch is { } prefix ? PrefixReplacement(prefix, match) : null,
            UriRegexRewrite = path?.ReplaceFullPath is { } full ? new RegexRewrite { Match = "^.*$", Rewrite = full } : null,
        };
    }

    // The gateway replaces just the matched prefix, keeping the rest: prefix /foo to /bar takes /foo/x to /bar/x, to /
    // takes it to /x. Under the match-everything prefix "/" the rest has no leading slash, so the replacement gets one.
    private static string PrefixReplacement(string replacement, HttpMatchRequest match) =>
        match.Uri is { Kind: StringMatchKind.Prefix, Value: "/" } && !replacement.EndsWith('/') ? replacement + "/" : replacement;

    private static HeaderOperations? Headers(ImmutableArray<HttpRouteFilter> filters)
    {
        var request = filters.FirstOrDefault(f => f.RequestHeaderModifier is not null)?.RequestHeaderModifier;
        var response = filters.FirstOrDefault(f => f.ResponseHeaderModifier is not null)?.ResponseHeaderModifier;
        return request is null && response is null ? null : new HeaderOperations { Request = Mutation(request), Response = Mutation(response) };
    }

    private static HeaderMutation? Mutation(HttpHeaderFilter? filter) => filter is null ? null : new HeaderMutation
    {
        Set = Map(filter.Set),
        Add = Map(filter.Add),
        Remove = filter.Remove,
    };

    private static ImmutableDictionary<string, string> Map(ImmutableArray<HttpHeaderValue> headers)
    {
        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            map[header.Name] = header.Value;
        }

        return map.ToImmutable();
    }
}
