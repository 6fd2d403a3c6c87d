using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Mirroring;

/// <summary>Compiles a route's <c>mirror</c>/<c>mirrorPercentage</c> or <c>mirrors</c> into <see cref="MirrorTarget"/>s.</summary>
internal static class MirrorTargets
{
    // Istio: an absent percentage mirrors every request.
    private const double All = 100;

    /// <param name="route">The route as written.</param>
    /// <param name="cluster">The snapshot's cluster of a destination (the one route destinations get).</param>
    public static MirrorTarget[] Compile(HttpRoute route, Func<Destination, UpstreamCluster> cluster)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(cluster);
        if (route.Mirror is { } mirror)
        {
            return [new MirrorTarget(cluster(mirror), route.MirrorPercentage?.Value ?? All)];
        }

        return route.Mirrors.IsDefaultOrEmpty
            ? []
            : [.. route.Mirrors.Select(m => new MirrorTarget(cluster(m.Destination), m.Percentage?.Value ?? All))];
    }
}
