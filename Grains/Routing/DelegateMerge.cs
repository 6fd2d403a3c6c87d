using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Routing;

/// <summary>
/// Istio's VirtualService delegation, as pilot merges it (MergeHTTPRoutes, mergeHTTPRoute, mergeHTTPMatchRequests,
/// mergeHTTPMatchRequest, hasConflict and stringMatchConflict in pilot/pkg/model/virtualservice.go): a root route with
/// <c>delegate</c> is replaced by the delegate's routes, each with its match conditions merged into the root's and the
/// root's settings where it has none. A delegate route whose match is not within any of the root's is dropped. Pure.
/// </summary>
internal static class DelegateMerge
{
    /// <summary>
    /// <paramref name="root"/> with every delegating route replaced by its delegate's merged routes; a route whose
    /// delegate <paramref name="find"/> does not return (missing, or not a delegate) is dropped, as pilot skips it.
    /// </summary>
    public static VirtualService Resolve(VirtualService root, Func<string, string, VirtualService?> find)
    {
        if (!root.Spec.Http.Any(r => r.Delegate is not null))
        {
            return root;
        }

        var routes = ImmutableArray.CreateBuilder<HttpRoute>();
        foreach (var route in root.Spec.Http)
        {
            if (route.Delegate is not { } target)
            {
                routes.Add(route);
                continue;
            }

            var @namespace = string.IsNullOrEmpty(target.Namespace) ? root.Metadata.Namespace : target.Namespace;
            if (find(@namespace, target.Name) is { Spec.Hosts.IsDefaultOrEmpty: true } found)
            {
                routes.AddRange(MergeRoutes(route, found.Spec.Http));
            }
        }

        return root with { Spec = root.Spec with { Http = routes.ToImmutable() } };
    }

    /// <summary>The delegate's routes merged with <paramref name="root"/>'s; conflicting ones are dropped.</summary>
    public static ImmutableArray<HttpRoute> MergeRoutes(HttpRoute root, ImmutableArray<HttpRoute> delegateRoutes) =>
        [.. delegateRoutes.Select(d => MergeRoute(root, d)).OfType<HttpRoute>()];

    /// <summary>One delegate route under <paramref name="root"/>, or null when its match conflicts with the root's.</summary>
    public static HttpRoute? MergeRoute(HttpRoute root, HttpRoute delegateRoute)
    {
        var (matches, conflict) = MergeMatches(root.Match, delegateRoute.Match);
        if (conflict)
        {
            return null;
        }

        return delegateRoute with
        {
            Match = matches,
            Name = JoinNames(root.Name, delegateRoute.Name),
            Rewrite = delegateRoute.Rewrite ?? root.Rewrite,
            DirectResponse = delegateRoute.DirectResponse ?? root.DirectResponse,
            Timeout = delegateRoute.Timeout ?? root.Timeout,
            Retries = delegateRoute.Retries ?? root.Retries,
            Fault = delegateRoute.Fault ?? root.Fault,
            Mirror = delegateRoute.Mirror ?? root.Mirror,
            MirrorPercentage = delegateRoute.MirrorPercentage ?? root.MirrorPercentage,
            CorsPolicy = delegateRoute.CorsPolicy ?? root.CorsPolicy,
            Mirrors = delegateRoute.Mirrors.IsDefaultOrEmpty ? root.Mirrors : delegateRoute.Mirrors,
            Headers = delegateRoute.Headers ?? root.Headers,
            Mesh = delegateRoute.Mesh ?? root.Mesh,
            Delegate = null,
        };
    }

    /// <summary>
    /// Every delegate match must lie within at least one root match; each such pair gives one merged match. Either
    /// side empty: the other's matches as they are.
    /// </summary>
    public static (ImmutableArray<HttpMatchRequest> Matches, bool Conflict) MergeMatches(ImmutableArray<HttpMatchRequest> root, ImmutableArray<HttpMatchRequest> delegateMatches)
    {
        if (root.IsDefaultOrEmpty)
        {
            return (delegateMatches.IsDefault ? [] : delegateMatches, false);
        }

        if (delegateMatches.IsDefaultOrEmpty)
        {
            return (root, false);
        }

        var merged = ImmutableArray.CreateBuilder<HttpMatchRequest>();
        foreach (var leaf in delegateMatches)
        {
            var found = false;
            foreach (var rootMatch in root)
            {
                if (!HasConflict(rootMatch, leaf))
                {
                    merged.Add(MergeMatch(rootMatch, leaf));
                    found = true;
                }
            }

            if (!found)
            {
                return ([], true);
            }
        }

        return (merged.ToImmutable(), merged.Count == 0);
    }

    /// <summary>The delegate's match with the root's conditions where it has none; maps merged, the delegate's keys winning.</summary>
    public static HttpMatchRequest MergeMatch(HttpMatchRequest root, HttpMatchRequest leaf) => leaf with
    {
        Name = JoinNames(root.Name, leaf.Name),
        Uri = leaf.Uri ?? root.Uri,
        Scheme = leaf.Scheme ?? root.Scheme,
        Method = leaf.Method ?? root.Method,
        Authority = leaf.Authority ?? root.Authority,
        Headers = root.Headers.SetItems(leaf.Headers),
        WithoutHeaders = root.WithoutHeaders.SetItems(leaf.WithoutHeaders),
        QueryParams = root.QueryParams.SetItems(leaf.QueryParams),
        Port = leaf.Port is null or 0 ? root.Port : leaf.Port,
        SourceLabels = root.SourceLabels.SetItems(leaf.SourceLabels),
        SourceNamespace = string.IsNullOrEmpty(leaf.SourceNamespace) ? root.SourceNamespace : leaf.SourceNamespace,
        Gateways = leaf.Gateways.IsDefaultOrEmpty ? root.Gateways : leaf.Gateways,
        StatPrefix = string.IsNullOrEmpty(leaf.StatPrefix) ? root.StatPrefix : leaf.StatPrefix,
    };

    /// <summary>True when <paramref name="leaf"/> could match a request <paramref name="root"/> does not.</summary>
    public static bool HasConflict(HttpMatchRequest root, HttpMatchRequest leaf)
    {
        if (Conflict(root.Uri, leaf.Uri) || Conflict(root.Scheme, leaf.Scheme) || Conflict(root.Method, leaf.Method) || Conflict(root.Authority, leaf.Authority))
        {
            return true;
        }

        if (MapConflict(root.Headers, leaf.Headers) || MapConflict(root.WithoutHeaders, leaf.WithoutHeaders) || MapConflict(root.QueryParams, leaf.QueryParams))
        {
            return true;
        }

        if (root.IgnoreUriCase != leaf.IgnoreUriCase)
        {
            return true;
        }

        if (root.Port is > 0 && leaf.Port is > 0 && root.Port != leaf.Port)
        {
            return true;
        }

        if (!string.IsNullOrEmpty(root.SourceNamespace) && leaf.SourceNamespace != root.SourceNamespace)
        {
            return true;
        }

        foreach (var (key, value) in leaf.SourceLabels)
        {
            if (root.SourceLabels.TryGetValue(key, out var rootValue) && rootValue != value)
            {
                return true;
            }
        }

        // The root's gateways must include the leaf's.
        return !root.Gateways.IsDefaultOrEmpty && !leaf.Gateways.IsDefaultOrEmpty
            && leaf.Gateways.Any(g => !root.Gateways.Contains(g, StringComparer.Ordinal));
    }

    /// <summary>
    /// Istio's stringMatchConflict: none when either side is unset; a regex only meets an unset side; an exact root
    /// takes the same exact value only; a prefix root takes a longer prefix or an exact value under it.
    /// </summary>
    public static bool Conflict(StringMatch? root, StringMatch? leaf)
    {
        if (root is null || leaf is null)
        {
            return false;
        }

        if (Is(root, StringMatchKind.Regex) && (Is(leaf, StringMatchKind.Regex) || Is(leaf, StringMatchKind.Prefix) || Is(leaf, StringMatchKind.Exact)))
        {
            return true;
        }

        if (Is(leaf, StringMatchKind.Regex) && (Is(root, StringMatchKind.Prefix) || Is(root, StringMatchKind.Exact)))
        {
            return true;
        }

        if (Is(root, StringMatchKind.Exact))
        {
            return Is(leaf, StringMatchKind.Prefix) || !(Is(leaf, StringMatchKind.Exact) && leaf.Value == root.Value);
        }

        if (Is(root, StringMatchKind.Prefix))
        {
            if (Is(leaf, StringMatchKind.Prefix) || Is(leaf, StringMatchKind.Exact))
            {
                return !leaf.Value.StartsWith(root.Value, StringComparison.Ordinal);
            }
        }

        return true;
    }

    // Istio tests the oneof's getters, which read "" for an empty value: an empty literal counts as unset.
    private static bool Is(StringMatch match, StringMatchKind kind) => match.Kind == kind && match.Value.Length > 0;

    private static bool MapConflict(ImmutableDictionary<string, StringMatch> root, ImmutableDictionary<string, StringMatch> leaf)
    {
        foreach (var (key, value) in leaf)
        {
            if (Conflict(root.GetValueOrDefault(key), value))
            {
                return true;
            }
        }

        return false;
    }

    private static string? JoinNames(string? root, string? leaf) =>
        string.IsNullOrEmpty(leaf) ? root : string.IsNullOrEmpty(root) ? leaf : $"{root}-{leaf}";
}
