using System.Collections.Frozen;
using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Mirroring;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Scheduling;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Gateway.Routing;

/// <summary>
/// Turns the control plane's route tables into the gateway's <see cref="RoutingSnapshot"/>: every regex compiled,
/// every cluster and transformer built, so that a request only looks things up.
/// </summary>
internal sealed class RoutingSnapshotCompiler(
    EndpointStateCache states,
    Random random,
    RegexCache regexCache,
    ResilienceCompiler resilience,
    HealthRegistry health,
    InferencePoolRegistry? pools = null,
    PickerMetrics? pickerMetrics = null)
{
    private readonly RegexCache _regexes = regexCache;
    private readonly ResilienceCompiler _resilience = resilience;

    /// <summary>Compiles and commits at once: for a snapshot used alone (tests, benchmarks), never swapped with others.</summary>
    public RoutingSnapshot Compile(MeshSnapshot mesh, IReadOnlyDictionary<string, string> gatewayLabels)
    {
        var (snapshot, commit) = Prepare(mesh, gatewayLabels);
        commit();
        return snapshot;
    }

    /// <summary>
    /// Compiles <paramref name="mesh"/> without changing anything a served snapshot shares: the returned commit prunes
    /// the caches (endpoint states, cluster resilience, regexes) to what this snapshot uses and hands the health registry
    /// and slow start their new parameters; call it once the snapshot is served.
    /// </summary>
    public (RoutingSnapshot Snapshot, Action Commit) Prepare(MeshSnapshot mesh, IReadOnlyDictionary<string, string> gatewayLabels)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var tables = mesh.Tables.ToDictionary(t => t.Host, StringComparer.OrdinalIgnoreCase);
        var binding = new GatewayBinding(mesh.Gateways, gatewayLabels);
        var clusters = new ClusterBuilder(tables, states, random, _resilience, health, pools, pickerMetrics);
        var hosts = new Dictionary<string, VirtualHost>(StringComparer.OrdinalIgnoreCase);

        // Counts what this compile asks for from here; what a failed compile asked for is forgotten by the next one.
        _regexes.BeginCompile();
        foreach (var table in mesh.Tables)
        {
            var routes = table.VirtualServices
                .Where(vs => binding.Applies(vs.Spec.Gateways, vs.Metadata.Namespace, table.Host))
                .SelectMany(vs => vs.Spec.Http.Select((route, index) => CompileRoute(vs, route, index, table.Host, binding, clusters, mesh.LiveWeights)))
                .OfType<CompiledRoute>()
                .ToArray();
            if (routes.Length > 0)
            {
                hosts[table.Host] = new VirtualHost(table.Host, routes);
            }
        }

        AddDefaultRoutes(mesh.Tables, hosts, clusters);
        var snapshot = Assemble(mesh.Generation, hosts);
        return (snapshot, () =>
        {
            _regexes.RetainUsed();
            states.Retain(clusters.Clusters.SelectMany(c => c.Endpoints).Select(e => e.DestinationPrefix).ToHashSet(StringComparer.Ordinal));
            _resilience.Retain(clusters.Clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal));
            clusters.CommitHealth();
            clusters.CommitMembership();
            clusters.CommitPools();
        });
    }

    // A registry host with no VirtualService of its own gets all of its endpoints (Istio's default route), unless a
    // *.suffix VirtualService covers it: that applies to every service host it covers. "*" alone does not: it is the
    // catch-all for hosts the mesh does not know.
    private void AddDefaultRoutes(IEnumerable<RouteTable> tables, Dictionary<string, VirtualHost> hosts, ClusterBuilder clusters)
    {
        var wildcards = hosts.Keys.Where(HostPattern.IsWildcard).ToArray();
        foreach (var table in tables)
        {
            if (table.Service is null || hosts.ContainsKey(table.Host) || wildcards.Any(w => HostPattern.Covers(w, table.Host)))
            {
                continue;
            }

            var defaultRoute = new HttpRoute { Route = [new HttpRouteDestination { Destination = new Destination { Host = table.Host } }] };
            hosts[table.Host] = new VirtualHost(table.Host, [new CompiledRoute($"{table.Host}.default", [], CompileForward(defaultRoute, [], clusters, scope: null))]);
        }
    }

    private CompiledRoute? CompileRoute(VirtualService vs, HttpRoute route, int index, string host, GatewayBinding binding, ClusterBuilder clusters, ImmutableArray<LiveWeight> liveWeights)
    {
        // A match bound to other gateways is not a condition this gateway can ever satisfy.
        var matches = route.Match.Where(m => binding.Applies(m.Gateways, vs.Metadata.Namespace, host)).Select(m => new RequestMatch(m, _regexes)).ToArray();
        if (!route.Match.IsDefaultOrEmpty && matches.Length == 0)
        {
            return null;
        }

        var name = route.Name ?? $"{vs.Metadata.Name}.{vs.Metadata.Namespace}.http[{index}]";
        RouteAction action = route switch
        {
            { Redirect: { } redirect } => new RedirectAction(redirect),
            { DirectResponse: { } direct } => new DirectResponseAction(direct.Status, direct.Body),
            _ => CompileForward(route, matches, clusters, $"route/{vs.Metadata.Namespace}/{vs.Metadata.Name}/{index}", LiveWeightOverlay.Find(route, liveWeights)),
        };
        return new CompiledRoute(name, matches, action);
    }

    // A Rollout's live weight replaces the split the route was written with (LiveWeightOverlay); an A/B test's makes
    // the pick between its subsets sticky by the consistent-hash key of the host's DestinationRule.
    private ForwardAction CompileForward(HttpRoute route, RequestMatch[] matches, ClusterBuilder clusters, string? scope, LiveWeight? live = null)
    {
        var written = live is null ? route.Route : LiveWeightOverlay.Apply(route, live);
        var single = written.Length == 1;
        var destinations = written.Select(d => new WeightedDestination(
            clusters.Get(d.Destination),
            d.Weight ?? (single ? 100 : 0),
            CompileTransformers(route, d, matches))).ToArray();

        // Weights are relative as in Istio (P = w / Σw; an unset weight is 0, a weight-0 destination never chosen, a
        // lone destination always). Validation refuses several destinations whose weights total 0; should a stored
        // config still carry such a route, share equally rather than fail every request.
        if (destinations.Length > 0 && destinations.All(d => d.Weight == 0))
        {
            destinations = [.. destinations.Select(d => d.WithWeight(1))];
        }

        var limits = scope is null ? [] : CompiledRateLimit.Of(scope, route.Mesh?.RateLimit, route.Mesh?.LocalRateLimit);
        return new ForwardAction(destinations, route, _resilience.CompileRoute(route), limits)
        {
            StickyHash = live is { Sticky: true } && destinations.Length > 1 ? StableCluster(written, live, clusters).HashPolicy : null,
            TokenRateLimit = scope is null ? null : CompiledTokenRateLimit.Of(scope, route.Mesh?.TokenRateLimit),
            Mirrors = MirrorTargets.Compile(route, clusters.Get),
            Fallback = CompileFallback(route, matches, clusters),
        };
    }

    private static UpstreamCluster StableCluster(ImmutableArray<HttpRouteDestination> destinations, LiveWeight live, ClusterBuilder clusters) =>
        clusters.Get(destinations.First(d => d.Destination.Subset == live.Stable && string.Equals(d.Destination.Host, live.Host, StringComparison.OrdinalIgnoreCase)).Destination);

    // A fallback destination gets the route's rewrites and header edits, as a route destination without its own.
    private FallbackRoute? CompileFallback(HttpRoute route, RequestMatch[] matches, ClusterBuilder clusters) =>
        route.Mesh?.Fallback is { Destinations.IsDefaultOrEmpty: false } fallback
            ? new FallbackRoute(
                [.. fallback.Destinations.Select(d => new WeightedDestination(clusters.Get(d), 0, CompileTransformers(route, new HttpRouteDestination { Destination = d }, matches)))],
                fallback.FailOn)
            : null;

    private MeshTransformer[] CompileTransformers(HttpRoute route, HttpRouteDestination destination, RequestMatch[] matches)
    {
        var request = HeaderEdits.Create(route.Headers?.Request, destination.Headers?.Request);
        var response = HeaderEdits.Create(route.Headers?.Response, destination.Headers?.Response);
        var authority = route.Rewrite?.Authority;
        return matches.Length == 0
            ? [new MeshTransformer(PathRewrite.Create(route.Rewrite, "/", _regexes), authority, request, response)]
            : [.. matches.Select(m => new MeshTransformer(PathRewrite.Create(route.Rewrite, m.RewritablePrefix, _regexes), authority, request, response))];
    }

    private static RoutingSnapshot Assemble(long generation, Dictionary<string, VirtualHost> hosts)
    {
        hosts.Remove("*", out var catchAll);
        var wildcards = hosts.Where(h => HostPattern.IsWildcard(h.Key))
            .Select(h => KeyValuePair.Create(h.Key[1..], h.Value))
            .OrderByDescending(h => h.Key.Length)
            .ToArray();
        var exact = hosts.Where(h => !HostPattern.IsWildcard(h.Key)).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        return new RoutingSnapshot(generation, exact, wildcards, catchAll);
    }
}
