using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Inference;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Routing;

/// <summary>
/// Fills a pool host's table: its members as the table's service, and the pool with its objectives. Members are the
/// registry endpoints of the pool's namespace (ServiceEntry inline endpoints, oldest entry first, then WorkloadEntries)
/// whose labels match <c>selector.matchLabels</c>, as GIE selects Pods of its namespace; one per address and port. They
/// are reached on the pool's target port, as GIE sends to the Pods' target port, unless the endpoint maps the port name
/// <c>http</c> to a number of its own (several model servers on one host, as on a developer's machine).
/// </summary>
internal static class InferencePoolMembers
{
    public const string PortName = "http";

    public static RouteTable Bind(RouteTable table, InferencePool pool, IReadOnlyList<MeshResource> ordered)
    {
        var @namespace = pool.Metadata.Namespace;
        var selector = pool.Spec.Selector.MatchLabels;
        var port = pool.Spec.TargetPorts.IsEmpty ? 0 : pool.Spec.TargetPorts[0].Number;
        var candidates = ordered.OfType<ServiceEntry>().Where(se => se.Metadata.Namespace == @namespace).SelectMany(se => se.Spec.Endpoints)
            .Concat(ordered.OfType<WorkloadEntry>().Where(we => we.Metadata.Namespace == @namespace).Select(we => we.Spec));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var members = ImmutableArray.CreateBuilder<WorkloadEntrySpec>();
        foreach (var endpoint in candidates)
        {
            var own = endpoint.Ports.TryGetValue(PortName, out var number) ? number : port;
            if (endpoint.Address.Length > 0 && WorkloadSelector.Matches(selector, endpoint.Labels) && seen.Add($"{endpoint.Address}:{own}"))
            {
                members.Add(endpoint with { Ports = own == port ? ImmutableDictionary<string, uint>.Empty : ImmutableDictionary<string, uint>.Empty.Add(PortName, own) });
            }
        }

        var objectives = ordered.OfType<InferenceObjective>()
            .Where(o => o.Metadata.Namespace == @namespace && o.Spec.PoolRef.Name == pool.Metadata.Name)
            .ToImmutableDictionary(o => o.Metadata.Name, o => o.Spec.Priority ?? 0, StringComparer.Ordinal);
        return table with
        {
            Service = new ServiceDefinition
            {
                Host = table.Host,
                Namespace = @namespace,
                Ports = [new ServicePort { Number = port, Protocol = "HTTP", Name = PortName }],
                Endpoints = members.ToImmutable(),
            },
            Pool = new InferencePoolBinding { Name = pool.Metadata.Name, Namespace = @namespace, TargetPort = port, Objectives = objectives, Metrics = PoolMetricNames.FromAnnotations(pool.Metadata.Annotations) },
        };
    }
}
