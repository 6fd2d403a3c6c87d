using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// The endpoints of one destination (service host, subset, port) and how to pick one: Envoy's cluster,
/// named like Istio names it (<c>outbound|9080|v1|reviews</c>).
/// </summary>
internal sealed class UpstreamCluster(string name, string host, string? subset, UpstreamEndpoint[] endpoints, ILoadBalancingPolicy policy, ForwarderRequestConfig requestConfig)
{
    public string Name { get; } = name;

    public string Host { get; } = host;

    public string? Subset { get; } = subset;

    public UpstreamEndpoint[] Endpoints { get; } = endpoints;

    public ILoadBalancingPolicy Policy { get; } = policy;

    public ForwarderRequestConfig RequestConfig { get; } = requestConfig;

    /// <summary>An endpoint for the next request, or null when the cluster has none.</summary>
    public UpstreamEndpoint? PickEndpoint() => Endpoints.Length == 0 ? null : Policy.Pick(Endpoints);
}
