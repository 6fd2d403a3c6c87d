namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>Picks one endpoint of a cluster for a request (Istio's <c>loadBalancer.simple</c>).</summary>
internal interface ILoadBalancingPolicy
{
    /// <summary>The Istio name of the policy, e.g. <c>ROUND_ROBIN</c>.</summary>
    string Name { get; }

    /// <summary>Picks from a non-empty list of endpoints.</summary>
    UpstreamEndpoint Pick(UpstreamEndpoint[] endpoints);
}
