using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Gateway.Routing;

/// <summary>One <c>route[]</c> entry: a cluster, its weight, and its transformer for each match of the route.</summary>
internal sealed class WeightedDestination(UpstreamCluster cluster, int weight, MeshTransformer[] transformersByMatch)
{
    public UpstreamCluster Cluster { get; } = cluster;

    public int Weight { get; } = weight;

    public WeightedDestination WithWeight(int newWeight) => new(Cluster, newWeight, transformersByMatch);

    /// <summary>The transformer for the match that selected the route (prefix rewrites depend on it).</summary>
    public MeshTransformer Transformer(int matchIndex) => transformersByMatch[matchIndex];
}
