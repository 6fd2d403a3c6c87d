namespace OrleansMesh.Cli.Tests;

/// <summary>Small YAML texts the Bookinfo corpus does not have.</summary>
internal static class TestManifests
{
    /// <summary>
    /// Two destinations whose weights total 0 (Istio's validateHTTPRouteDestinations: "total destination weight = 0"):
    /// refused; the error is at line 13 or later (spec.http[0].route).
    /// </summary>
    public const string ZeroTotalWeight = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: v1
              weight: 0
            - destination:
                host: reviews
                subset: v2
        """;

    /// <summary>A VirtualService routing to a subset no DestinationRule defines.</summary>
    public const string MissingSubset = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: v9
        """;

    /// <summary>A VirtualService in namespace team-a, with no subsets to resolve.</summary>
    public const string TeamAVirtualService = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: ratings
          namespace: team-a
        spec:
          hosts:
          - ratings
          http:
          - route:
            - destination:
                host: ratings
        """;

    /// <summary>A DestinationRule for host reviews, named to sort before the Bookinfo rule "reviews", defining only subset v9.</summary>
    public const string NewerReviewsRuleWithV9 = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: a-reviews-v9
        spec:
          host: reviews
          subsets:
          - name: v9
            labels:
              version: v9
        """;

    /// <summary>An EnvoyFilter (stored, not enforced) and a VirtualService, as a directory of real Istio config holds them.</summary>
    public const string EnvoyFilterAndRoute = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: lua
        spec:
          configPatches:
          - applyTo: HTTP_FILTER
            patch:
              operation: INSERT_BEFORE
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
        """;
}
