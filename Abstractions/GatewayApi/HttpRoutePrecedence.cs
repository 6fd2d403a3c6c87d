using OrleansMesh.Networking;

namespace OrleansMesh.GatewayApi;

/// <summary>
/// The Gateway API's match precedence across every route of a host (httproute_types.go, HTTPRouteRule.Matches):
/// an Exact path, then the longest prefix, then a method match, then the most header matches, then the most query
/// matches; a regular expression path ranks below prefixes, as Istio ranks it. Ties keep the order given, which is
/// the oldest route first (then namespace/name), then rule and match order.
/// </summary>
internal static class HttpRoutePrecedence
{
    /// <summary>Sorts translated routes (one match each), stably.</summary>
    public static IEnumerable<HttpRoute> Sort(IEnumerable<HttpRoute> routes) =>
        routes.OrderByDescending(r => PathRank(r.Match[0].Uri))
            .ThenByDescending(r => r.Match[0].Uri?.Value.Length ?? 0)
            .ThenByDescending(r => r.Match[0].Method is null ? 0 : 1)
            .ThenByDescending(r => r.Match[0].Headers.Count)
            .ThenByDescending(r => r.Match[0].QueryParams.Count);

    private static int PathRank(StringMatch? uri) => uri?.Kind switch
    {
        StringMatchKind.Exact => 3,
        StringMatchKind.Prefix or StringMatchKind.SegmentPrefix => 2,
        StringMatchKind.Regex => 1,
        _ => 0,
    };
}
