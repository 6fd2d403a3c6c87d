using System.Collections.Immutable;
using OrleansMesh.Gateway.Health;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>One endpoint of an upstream cluster, as YARP's forwarder needs it.</summary>
internal sealed class UpstreamEndpoint(string address, uint port, string destinationPrefix, ImmutableDictionary<string, string> labels, EndpointState state, EndpointHealth? health = null)
{
    public string Address { get; } = address;

    public uint Port { get; } = port;

    /// <summary>
    /// <c>address:port</c> (<c>[address]:port</c> for IPv6), as Envoy's <c>upstream_host</c>: made once, for access logs
    /// and spans.
    /// </summary>
    public string HostAndPort { get; } = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";

    /// <summary>The forwarder's destination prefix, e.g. <c>http://127.0.0.1:9001</c>.</summary>
    public string DestinationPrefix { get; } = destinationPrefix;

    public ImmutableDictionary<string, string> Labels { get; } = labels;

    /// <summary>
    /// The namespace of the workload, its service's (<c>ServiceDefinition.Namespace</c>): which namespaces' security
    /// policies apply to it besides the root one's. Default: <c>default</c>.
    /// </summary>
    public string Namespace { get; init; } = "default";

    public EndpointState State { get; } = state;

    /// <summary>
    /// When the endpoint joined its cluster (a timestamp of <see cref="ClusterMembership.Time"/>), or 0 when it was there
    /// from the cluster's start: where slow start ramps from.
    /// </summary>
    public long JoinedAt { get; init; }

    /// <summary>Its outlier-detection state in this destination, when the destination has breakers or outlier detection.</summary>
    public EndpointHealth? Health { get; } = health;

    public override string ToString() => DestinationPrefix;
}
