namespace OrleansMesh.Cli.Tests;

/// <summary>Small YAML texts the Bookinfo corpus does not have.</summary>
internal static class TestManifests
{
    /// <summary>Route weights summing to 110: refused; the error is at line 13 or later (spec.http[0].route).</summary>
    public const string BadWeightSum = """
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
              weight: 80
            - destination:
                host: reviews
                subset: v2
              weight: 30
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
}
