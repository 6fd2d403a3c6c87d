using OrleansMesh.Grains.Config;
using OrleansMesh.Inference;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Routing;

/// <summary>Which hosts' route tables a resource takes part in, and which hosts it points at.</summary>
internal static class ResourceHosts
{
    /// <summary>
    /// The keys of the tables that hold <paramref name="resource"/>: a VirtualService's hosts,
    /// a DestinationRule's host, a ServiceEntry's hosts; for a WorkloadEntry, the hosts of every
    /// ServiceEntry in <paramref name="serviceEntries"/> that selects it. Gateways are in no table.
    /// </summary>
    public static IEnumerable<string> TablesOf(MeshResource resource, IEnumerable<ServiceEntry> serviceEntries)
    {
        IEnumerable<string> hosts = resource switch
        {
            VirtualService vs => vs.Spec.Hosts,
            DestinationRule dr => [dr.Spec.Host],
            ServiceEntry se => se.Spec.Hosts,
            WorkloadEntry we => serviceEntries.Where(se => Selects(se, we)).SelectMany(se => se.Spec.Hosts),
            InferencePool pool => [InferencePoolHosts.Host(pool.Metadata.Name, pool.Metadata.Namespace)],
            InferenceObjective objective => [InferencePoolHosts.Host(objective.Spec.PoolRef.Name, objective.Metadata.Namespace)],
            _ => [],
        };
        return Keys(hosts);
    }

    /// <summary>
    /// Every host <paramref name="resource"/> mentions: the hosts of its tables plus, for a VirtualService,
    /// the hosts its routes and mirrors send to.
    /// </summary>
    public static IEnumerable<string> ReferencedBy(MeshResource resource, IEnumerable<ServiceEntry> serviceEntries)
    {
        var own = TablesOf(resource, serviceEntries);
        if (resource is not VirtualService vs)
        {
            return own;
        }

        var destinations = vs.Spec.Http.SelectMany(route =>
            route.Route.Select(r => r.Destination.Host)
                .Concat(route.Mirror is { } mirror ? [mirror.Host] : [])
                .Concat(route.Mirrors.Select(m => m.Destination.Host)));
        return own.Concat(Keys(destinations));
    }

    /// <summary>True when a route of <paramref name="root"/> delegates to the VirtualService <paramref name="target"/>.</summary>
    public static bool DelegatesTo(MeshResource root, ResourceId target) =>
        root is VirtualService vs && vs.Spec.Http.Any(r => r.Delegate is { } d
            && d.Name == target.Name
            && (string.IsNullOrEmpty(d.Namespace) ? vs.Metadata.Namespace : d.Namespace) == target.Namespace);

    /// <summary>
    /// True when <paramref name="serviceEntry"/>'s workload selector picks <paramref name="workload"/>:
    /// same namespace, and the workload's labels include every selector label.
    /// </summary>
    public static bool Selects(ServiceEntry serviceEntry, WorkloadEntry workload) =>
        serviceEntry.Spec.WorkloadSelector is { } selector
        && string.Equals(serviceEntry.Metadata.Namespace, workload.Metadata.Namespace, StringComparison.Ordinal)
        && WorkloadSelector.Matches(selector.Labels, workload.Spec.Labels);

    /// <summary>The ServiceEntries among <paramref name="resources"/>.</summary>
    public static IEnumerable<ServiceEntry> ServiceEntries(IEnumerable<StoredResource> resources) =>
        resources.Select(r => r.Resource).OfType<ServiceEntry>();

    private static IEnumerable<string> Keys(IEnumerable<string> hosts) =>
        hosts.Where(h => h.Length > 0).Select(HostKey.Normalize);
}
