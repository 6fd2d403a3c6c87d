using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Inference;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Configuration;

/// <summary>Cross-resource checks, as Istio's analyzers make them: subsets, gateways and competing DestinationRules.</summary>
internal sealed class ReferenceRules
{
    private readonly IReadOnlyCollection<MeshResource> _resources;
    private readonly Dictionary<string, List<DestinationRule>> _rulesByHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string Namespace, string Name)> _gateways = [];
    private readonly HashSet<(string Namespace, string Name)> _pools = [];

    public ReferenceRules(IReadOnlyCollection<MeshResource> resources)
    {
        _resources = resources;
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case DestinationRule rule:
                    var host = HostKey(rule.Spec.Host);
                    if (!_rulesByHost.TryGetValue(host, out var list))
                    {
                        _rulesByHost[host] = list = [];
                    }

                    list.Add(rule);
                    break;
                case Gateway gateway:
                    _gateways.Add((gateway.Metadata.Namespace, gateway.Metadata.Name));
                    break;
                case InferencePool pool:
                    _pools.Add((pool.Metadata.Namespace, pool.Metadata.Name));
                    break;
            }
        }
    }

    public ImmutableArray<ConfigDiagnostic> Check(IReadOnlySet<ResourceId> changed)
    {
        var diagnostics = ImmutableArray.CreateBuilder<ConfigDiagnostic>();
        foreach (var resource in _resources.Where(r => changed.Contains(r.Id)))
        {
            var sink = new ValidationSink(resource.Id.ToString());
            switch (resource)
            {
                case VirtualService service:
                    VirtualService(sink, service);
                    break;
                case DestinationRule rule:
                    Competing(sink, rule);
                    break;
                case Rollout rollout:
                    Rollout(sink, rollout);
                    break;
                case InferenceObjective objective when !_pools.Contains((objective.Metadata.Namespace, objective.Spec.PoolRef.Name)):
                    // Kubernetes takes the objective before its pool too; it simply has no effect until the pool exists.
                    sink.Warning("spec.poolRef.name", $"there is no InferencePool '{objective.Spec.PoolRef.Name}' in namespace '{objective.Metadata.Namespace}'; the objective has no effect until there is");
                    break;
            }

            diagnostics.AddRange(sink.ToImmutable());
        }

        return diagnostics.ToImmutable();
    }

    /// <summary>
    /// Hosts are names of the mesh's registry (ServiceEntry hosts), compared literally and without case, as the
    /// control plane files them and the gateway looks them up. There is no Kubernetes service registry to expand a
    /// short name against, so <c>reviews</c> and <c>reviews.default.svc.cluster.local</c> are different services.
    /// </summary>
    private static string HostKey(string host) => host.ToLowerInvariant();

    private void Competing(ValidationSink sink, DestinationRule rule)
    {
        var rules = _rulesByHost[HostKey(rule.Spec.Host)];
        if (rules.Count > 1)
        {
            var others = string.Join(", ", rules.Where(r => !ReferenceEquals(r, rule)).Select(r => r.Id.ToString()));
            sink.Warning("spec.host", $"host '{rule.Spec.Host}' also has DestinationRule {others}; Istio merges them, OrleansMesh uses only the oldest, {rules[0].Id}");
        }
    }

    private void VirtualService(ValidationSink sink, VirtualService service)
    {
        var ns = service.Metadata.Namespace;
        for (var i = 0; i < service.Spec.Gateways.Length; i++)
        {
            Gateway(sink, $"spec.gateways[{i}]", service.Spec.Gateways[i], ns);
        }

        for (var i = 0; i < service.Spec.Http.Length; i++)
        {
            var route = service.Spec.Http[i];
            var path = $"spec.http[{i}]";
            for (var m = 0; m < route.Match.Length; m++)
            {
                for (var g = 0; g < route.Match[m].Gateways.Length; g++)
                {
                    Gateway(sink, $"{path}.match[{m}].gateways[{g}]", route.Match[m].Gateways[g], ns);
                }
            }

            if (route.Delegate is { } target)
            {
                Delegate(sink, path + ".delegate", target, ns);
            }

            for (var d = 0; d < route.Route.Length; d++)
            {
                Subset(sink, $"{path}.route[{d}].destination", route.Route[d].Destination, ns);
            }

            if (route.Mirror is not null)
            {
                Subset(sink, path + ".mirror", route.Mirror, ns);
            }

            for (var d = 0; d < route.Mirrors.Length; d++)
            {
                Subset(sink, $"{path}.mirrors[{d}].destination", route.Mirrors[d].Destination, ns);
            }

            var fallbacks = route.Mesh?.Fallback?.Destinations ?? [];
            for (var d = 0; d < fallbacks.Length; d++)
            {
                Subset(sink, $"{path}.x-orleansmesh.fallback.destinations[{d}]", fallbacks[d], ns);
            }
        }
    }

    // Istio's pilot skips a root route whose delegate is missing or has hosts (mergeVirtualServices in
    // pilot/pkg/model/virtualservice_controller.go) and logs it; here it is a warning at apply and in analyze.
    private void Delegate(ValidationSink sink, string path, VirtualServiceDelegate target, string ns)
    {
        var targetNamespace = string.IsNullOrEmpty(target.Namespace) ? ns : target.Namespace;
        var found = _resources.OfType<VirtualService>()
            .FirstOrDefault(vs => vs.Metadata.Name == target.Name && vs.Metadata.Namespace == targetNamespace);
        if (found is null)
        {
            sink.Warning(path, $"delegate VirtualService {targetNamespace}/{target.Name} not found: this route matches nothing until it exists");
        }
        else if (!found.Spec.Hosts.IsDefaultOrEmpty)
        {
            sink.Warning(path, $"VirtualService {targetNamespace}/{target.Name} has hosts, so it is not a delegate: this route matches nothing");
        }
    }

    // The driver needs both subsets and something to drive; two drivers of one host would fight over its weights.
    private void Rollout(ValidationSink sink, Rollout rollout)
    {
        var spec = rollout.Spec;
        if (spec.Host.Length == 0)
        {
            return;
        }

        Subset(sink, "spec.stable", new Destination { Host = spec.Host, Subset = spec.Stable }, rollout.Metadata.Namespace);
        Subset(sink, "spec.canary", new Destination { Host = spec.Host, Subset = spec.Canary }, rollout.Metadata.Namespace);
        var rival = _resources.OfType<Rollout>()
            .FirstOrDefault(r => r.Id != rollout.Id && string.Equals(r.Spec.Host, spec.Host, StringComparison.OrdinalIgnoreCase));
        if (rival is not null)
        {
            sink.Error("spec.host", $"host '{spec.Host}' is already driven by Rollout {rival.Id}; one Rollout per host");
        }

        var driven = _resources.OfType<VirtualService>()
            .SelectMany(vs => vs.Spec.Http)
            .Any(route => route.Route.Any(d => string.Equals(d.Destination.Host, spec.Host, StringComparison.OrdinalIgnoreCase) && d.Destination.Subset == spec.Stable));
        if (!driven)
        {
            sink.Warning("spec.host", $"no VirtualService route sends traffic to host '{spec.Host}' subset '{spec.Stable}': the Rollout has nothing to drive until one does");
        }
    }

    private void Gateway(ValidationSink sink, string path, string reference, string ns)
    {
        if (reference == "mesh")
        {
            return;
        }

        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var key = slash < 0 ? (ns, reference) : (reference[..slash], reference[(slash + 1)..]);
        if (!_gateways.Contains(key))
        {
            sink.Warning(path, $"referenced gateway '{reference}' not found");
        }
    }

    private void Subset(ValidationSink sink, string path, Destination destination, string ns)
    {
        if (destination.Subset is not { } subset || destination.Host.Length == 0)
        {
            return;
        }

        if (!_rulesByHost.TryGetValue(HostKey(destination.Host), out var rules))
        {
            sink.Warning(path + ".subset", $"referenced subset '{subset}' but no DestinationRule for host '{destination.Host}' exists");
            return;
        }

        var rule = rules[0];
        if (!rule.Spec.Subsets.Any(s => s.Name == subset))
        {
            var defined = rule.Spec.Subsets.IsDefaultOrEmpty ? "none" : string.Join(", ", rule.Spec.Subsets.Select(s => s.Name));
            sink.Error(path + ".subset", $"subset '{subset}' is not defined in DestinationRule {rule.Id} for host '{destination.Host}' (defined: {defined})");
        }
    }
}
