using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Gateway.Mirroring;

/// <summary>One mirror of a route: the shadow destination's cluster and the share of requests copied to it.</summary>
internal sealed class MirrorTarget(UpstreamCluster cluster, double percentage)
{
    public UpstreamCluster Cluster { get; } = cluster;

    /// <summary>The share of requests mirrored, 0 to 100.</summary>
    public double Percentage { get; } = percentage;

    /// <summary>Whether a request with <paramref name="roll"/> in [0, 1) is mirrored.</summary>
    public bool Selects(double roll) => roll * 100 < Percentage;
}
