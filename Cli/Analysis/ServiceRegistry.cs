using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Analysis;

/// <summary>How many endpoints each host of a config has: ServiceEntry endpoints and the WorkloadEntries they select.</summary>
internal sealed class ServiceRegistry(Dictionary<string, int> endpoints)
{
    public static ServiceRegistry From(IReadOnlyCollection<MeshResource> resources)
    {
        var workloads = resources.OfType<WorkloadEntry>().ToArray();
        var endpoints = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in resources.OfType<ServiceEntry>())
        {
            var spec = entry.Spec;

            // A DNS-resolved entry without endpoints resolves its hosts themselves.
            var count = spec.Endpoints.Length
                + (spec.WorkloadSelector is { } selector ? workloads.Count(w => selector.Labels.All(l => w.Spec.Labels.TryGetValue(l.Key, out var v) && v == l.Value)) : 0)
                + (spec.Endpoints.IsEmpty && spec.Resolution == "DNS" ? 1 : 0);
            foreach (var host in spec.Hosts)
            {
                endpoints[host] = endpoints.GetValueOrDefault(host) + count;
            }
        }

        return new ServiceRegistry(endpoints);
    }

    /// <summary>The host's endpoint count, or null when no ServiceEntry lists it.</summary>
    public int? EndpointCount(string host) => endpoints.TryGetValue(host, out var count) ? count : null;
}
