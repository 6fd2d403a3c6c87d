using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.GatewayApi;
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
    private readonly Dictionary<(string Namespace, string Name), KubernetesGateway> _kubernetesGateways = [];

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
                case KubernetesGateway kubernetesGateway:
                    _kubernetesGateways[(kubernetesGateway.Metadata.Namespace, kubernetesGateway.Metadata.Name)] = kubernetesGateway;
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
                case HttpRouteResource route:
                    HttpRoute(sink, route);
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

    // As Istio's status conditions say it: a parent that does not exist, or a listener that does not take the route,
    // and a backend pool that does not exist; Kubernetes takes the route anyway, it routes nothing there until they do.
    private void HttpRoute(ValidationSink sink, HttpRouteResource route)
    {
        var ns = route.Metadata.Namespace;
        for (var i = 0; i < route.Spec.ParentRefs.Length; i++)
        {
            var parent = route.Spec.ParentRefs[i];
            var key = (string.IsNullOrEmpty(parent.Namespace) ? ns : parent.Namespace, parent.Name);
            if (!_kubernetesGateways.TryGetValue(key, out var gateway))
            {
                sink.Warning($"spec.parentRefs[{i}].name", $"there is no Gateway (gateway.networking.k8s.io) '{parent.Name}' in namespace '{key.Item1}'; the route serves nothing there until there is");
            }
            else if (!GatewayApiTranslator.Listeners(gateway, parent, route).Any())
            {
                sink.Warning($"spec.parentRefs[{i}]", $"no listener of Gateway '{key.Item1}/{parent.Name}' takes this route (sectionName, port, hostnames, protocol or allowedRoutes)");
            }
        }

        for (var r = 0; r < route.Spec.Rules.Length; r++)
        {
            var rule = route.Spec.Rules[r];
            var backends = rule.BackendRefs.Select((b, i) => (Backend: (HttpBackendRef?)b, Path: $"spec.rules[{r}].backendRefs[{i}]"))
                .Concat(rule.Filters.Select((f, i) => (Backend: f.RequestMirror?.BackendRef, Path: $"spec.rules[{r}].filters[{i}].requestMirror.backendRef")));
            foreach (var (backend, path) in backends)
            {
                if (backend is not null && BackendKinds.Of(backend) == BackendKind.InferencePool)
                {
                    var poolNamespace = string.IsNullOrEmpty(backend.Namespace) ? ns : backend.Namespace;
                    if (!_pools.Contains((poolNamespace, backend.Name)))
                    {
                        sink.Warning(path + ".name", $"there is no InferencePool '{backend.Name}' in namespace '{poolNamespace}'; requests to it get 503 until there is");
                    }
                }
            }
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
