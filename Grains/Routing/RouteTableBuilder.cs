using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.GatewayApi;
using OrleansMesh.Grains.Config;
using OrleansMesh.Inference;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Routing;

/// <summary>
/// Derives each host's <see cref="RouteTable"/> from the stored resources, and the hosts a change touches.
/// Pure: the config grain owns the resources, the route-table grains only hold the result.
/// </summary>
internal static class RouteTableBuilder
{
    /// <summary>Builds <paramref name="host"/>'s table (generation 0) from <paramref name="all"/>.</summary>
    public static RouteTable Build(string host, IReadOnlyCollection<StoredResource> all) =>
        Build(HostKey.Normalize(host), Ordered(all));

    /// <summary>Builds the table of each of <paramref name="hosts"/>, keyed by normalized host.</summary>
    public static ImmutableDictionary<string, RouteTable> Build(IEnumerable<string> hosts, IReadOnlyCollection<StoredResource> all)
    {
        var ordered = Ordered(all);
        return hosts.Select(HostKey.Normalize).Distinct(StringComparer.Ordinal)
            .ToImmutableDictionary(key => key, key => Build(key, ordered), StringComparer.Ordinal);
    }

    /// <summary>
    /// The hosts whose tables may differ between <paramref name="before"/> and <paramref name="after"/>:
    /// every host the old or the new version of a changed resource is in the table of.
    /// </summary>
    public static ImmutableSortedSet<string> AffectedHosts(IReadOnlyCollection<StoredResource> before, IReadOnlyCollection<StoredResource> after)
    {
        var old = Ordered(before).ToDictionary(r => r.Id);
        var current = Ordered(after).ToDictionary(r => r.Id);
        var serviceEntries = ResourceHosts.ServiceEntries(before).Concat(ResourceHosts.ServiceEntries(after)).ToList();
        var virtualServices = old.Values.Concat(current.Values).OfType<VirtualService>().ToList();
        var pools = old.Values.Concat(current.Values).OfType<InferencePool>().ToList();
        var hosts = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var id in old.Keys.Union(current.Keys))
        {
            var was = old.GetValueOrDefault(id);
            var now = current.GetValueOrDefault(id);
            if (ContentEquality.AreEqual(was, now))
            {
                continue;
            }

            foreach (var version in new[] { was, now })
            {
                if (version is not null)
                {
                    hosts.UnionWith(ResourceHosts.TablesOf(version, serviceEntries));
                }
            }

            // Pool members are registry endpoints: a ServiceEntry or WorkloadEntry may join or leave any pool of its namespace.
            if (id.Kind is ResourceKind.ServiceEntry or ResourceKind.WorkloadEntry)
            {
                hosts.UnionWith(pools.Where(p => p.Metadata.Namespace == id.Namespace).Select(p => InferencePoolHosts.Host(p.Metadata.Name, p.Metadata.Namespace)));
            }

            // A VirtualService's rules also live in the tables of every root that delegates to it (old or new root).
            if (id.Kind == ResourceKind.VirtualService)
            {
                hosts.UnionWith(virtualServices.Where(root => ResourceHosts.DelegatesTo(root, id)).SelectMany(root => ResourceHosts.TablesOf(root, serviceEntries)));
            }
        }

        return hosts.ToImmutable();
    }

    // HTTPRoutes and Gateway API Gateways take part as the VirtualServices and Istio Gateways they translate into.
    private static IReadOnlyList<MeshResource> Ordered(IEnumerable<StoredResource> all) =>
        GatewayApiTranslator.Expand(CreationOrder.Sort(all));

    private static RouteTable Build(string key, IReadOnlyList<MeshResource> ordered)
    {
        var serviceEntries = ordered.OfType<ServiceEntry>().Where(se => HostKey.Lists(se.Spec.Hosts, key)).ToList();

        // Root VirtualServices go into the table with their delegates' rules merged in: gateways never see a delegate.
        return new RouteTable
        {
            Host = key,
            VirtualServices = [.. ordered.OfType<VirtualService>()
                .Where(vs => HostKey.Lists(vs.Spec.Hosts, key))
                .Select(vs => DelegateMerge.Resolve(vs, (ns, name) => Find(ordered, ns, name)))],
            DestinationRule = ordered.OfType<DestinationRule>()
                .FirstOrDefault(dr => string.Equals(dr.Spec.Host, key, StringComparison.OrdinalIgnoreCase)),
            Service = serviceEntries.Count == 0 ? null : BuildService(key, serviceEntries, ordered.OfType<WorkloadEntry>()),
        } is var table && InferencePoolHosts.IsPoolHost(key) && FindPool(ordered, key) is { } pool
            ? InferencePoolMembers.Bind(table, pool, ordered)
            : table;
    }

    private static InferencePool? FindPool(IReadOnlyList<MeshResource> ordered, string key) =>
        ordered.OfType<InferencePool>().FirstOrDefault(p => InferencePoolHosts.Host(p.Metadata.Name, p.Metadata.Namespace) == key);

    private static VirtualService? Find(IReadOnlyList<MeshResource> ordered, string @namespace, string name) =>
        ordered.OfType<VirtualService>().FirstOrDefault(vs => vs.Metadata.Name == name && vs.Metadata.Namespace == @namespace);

    /// <summary>
    /// The service of <paramref name="key"/>, from the ServiceEntries listing it (oldest first) in the oldest one's
    /// namespace, which is the namespace of all its endpoints. Istio keeps the oldest Service of a hostname, so a newer
    /// entry in another namespace can neither take the host over nor put its endpoints under this namespace's security
    /// policies. Entries of that namespace are merged: ports by number (first wins), endpoints in order.
    /// </summary>
    private static ServiceDefinition BuildService(string key, List<ServiceEntry> listing, IEnumerable<WorkloadEntry> workloads)
    {
        var @namespace = listing[0].Metadata.Namespace;
        var serviceEntries = listing.Where(se => string.Equals(se.Metadata.Namespace, @namespace, StringComparison.Ordinal)).ToList();
        var ports = new List<ServicePort>();
        foreach (var port in serviceEntries.SelectMany(se => se.Spec.Ports))
        {
            if (!ports.Exists(p => p.Number == port.Number))
            {
                ports.Add(port);
            }
        }

        var workloadList = workloads.ToList();
        var selected = new HashSet<ResourceId>();
        var endpoints = ImmutableArray.CreateBuilder<WorkloadEntrySpec>();
        foreach (var serviceEntry in serviceEntries)
        {
            endpoints.AddRange(serviceEntry.Spec.Endpoints);
            foreach (var workload in workloadList.Where(we => ResourceHosts.Selects(serviceEntry, we)))
            {
                // Two entries for the host may select the same workload; it is still one endpoint.
                if (selected.Add(workload.Id))
                {
                    endpoints.Add(workload.Spec);
                }
            }
        }

        return new ServiceDefinition { Host = key, Namespace = @namespace, Ports = [.. ports], Endpoints = endpoints.ToImmutable() };
    }
}
