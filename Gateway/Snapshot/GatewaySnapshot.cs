using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Security;

namespace OrleansMesh.Gateway.Snapshot;

/// <summary>
/// Everything a request decides with, compiled from one config generation: routing (hosts, routes, clusters with their
/// endpoints, load balancing, resilience policy, rate and token limits, mirrors, fallbacks) and security (jwtRules and
/// authorization policies for the gateway and for each destination). Immutable; swapped whole by
/// <see cref="GatewaySnapshotStore"/>. A request reads it once, at the start, and uses that object to the end, so it
/// never meets the policies of one generation in front of the routes of another.
/// </summary>
internal sealed class GatewaySnapshot
{
    public GatewaySnapshot(long generation, RoutingSnapshot routing, SecuritySnapshot security)
        : this(generation, routing, security, isLoaded: true)
    {
    }

    private GatewaySnapshot(long generation, RoutingSnapshot routing, SecuritySnapshot security, bool isLoaded)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(security);
        Generation = generation;
        Routing = routing;
        Security = security;
        IsLoaded = isLoaded;
    }

    /// <summary>What a gateway serves before its first config: no host, no policy, and <see cref="IsLoaded"/> false.</summary>
    public static GatewaySnapshot Empty { get; } = new(0, RoutingSnapshot.Empty, SecuritySnapshot.Empty, isLoaded: false);

    /// <summary>The config generation both parts were compiled from.</summary>
    public long Generation { get; }

    /// <summary>False only for <see cref="Empty"/>: every request is then answered 503 <c>NC</c>.</summary>
    public bool IsLoaded { get; }

    public RoutingSnapshot Routing { get; }

    public SecuritySnapshot Security { get; }
}
