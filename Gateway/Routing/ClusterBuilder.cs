using System.Collections.Immutable;
using System.Net;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Scheduling;
using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Inference;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Routing;

/// <summary>
/// Builds the upstream clusters of one snapshot, once per (host, subset, port): the registry's endpoints, filtered by
/// the subset's labels, with the DestinationRule's load-balancing policy and connection pool (subset overrides port,
/// port overrides rule).
/// </summary>
internal sealed class ClusterBuilder(
    IReadOnlyDictionary<string, RouteTable> tables,
    EndpointStateCache states,
    Random random,
    ResilienceCompiler? resilience = null,
    HealthRegistry? health = null,
    InferencePoolRegistry? pools = null,
    PickerMetrics? pickerMetrics = null)
{
    // Envoy's stream idle timeout: long enough for a model that thinks before its first token.
    private static readonly TimeSpan s_activityTimeout = TimeSpan.FromMinutes(5);

    // Ordinal: subset names are case-sensitive; the host part of the name is lower-cased.
    private readonly Dictionary<string, UpstreamCluster> _clusters = new(StringComparer.Ordinal);

    // DestinationRules for *.suffix hosts apply to every service host they cover, the most specific first.
    private readonly KeyValuePair<string, DestinationRule>[] _wildcardRules = [.. tables.Values
        .Where(t => t.Host.StartsWith('*') && t.DestinationRule is not null)
        .Select(t => KeyValuePair.Create(t.Host, t.DestinationRule!))
        .OrderByDescending(r => r.Key.Length)];

    // Destinations with a breaker or outlier detection: their parameters and every endpoint address over all ports.
    private readonly Dictionary<string, (DestinationPolicy Policy, HashSet<string> Addresses)> _health = new(StringComparer.Ordinal);

    // The endpoints of each cluster built and when each joined it, for ClusterMembership once the snapshot is complete.
    private readonly Dictionary<string, Dictionary<string, long>> _members = new(StringComparer.Ordinal);

    // The members of every InferencePool cluster built, by pool host, for the pool registry once the snapshot is served.
    private readonly Dictionary<string, HashSet<string>> _poolMembers = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<UpstreamCluster> Clusters => _clusters.Values;

    /// <summary>Hands the pool registry the members of the served snapshot's pools, and forgets the others.</summary>
    public void CommitPools() =>
        pools?.Retain(_poolMembers.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToImmutableArray(), StringComparer.OrdinalIgnoreCase));

    /// <summary>Records the built clusters' endpoints and join times, so the next snapshot knows which endpoints are new.</summary>
    public void CommitMembership() => states.Membership.Commit(_members);

    /// <summary>Hands the destinations' parameters and endpoints to the health registry, and forgets the others.</summary>
    public void CommitHealth()
    {
        if (health is null)
        {
            return;
        }

        foreach (var (key, (policy, addresses)) in _health)
        {
            health.Get(key).Configure(policy, addresses);
        }

        health.Retain(_health.Keys.ToHashSet(StringComparer.Ordinal));
    }

    public UpstreamCluster Get(Destination destination)
    {
        tables.TryGetValue(destination.Host, out var table);
        var port = ResolvePort(table?.Service, destination.Port);
        var name = $"outbound|{port?.Number ?? destination.Port ?? 0}|{destination.Subset}|{destination.Host.ToLowerInvariant()}";
        if (!_clusters.TryGetValue(name, out var cluster))
        {
            cluster = Build(name, destination, table, port);
            _clusters.Add(name, cluster);
        }

        return cluster;
    }

    private UpstreamCluster Build(string name, Destination destination, RouteTable? table, ServicePort? port)
    {
        var rule = (table?.DestinationRule ?? WildcardRule(destination.Host))?.Spec;
        Subset? subset = null;
        var subsetKnown = destination.Subset is null || (subset = rule?.Subsets.FirstOrDefault(s => s.Name == destination.Subset)) is not null;

        var healthState = HealthOf(destination, rule, subset, port);
        var tls = Effective(rule, subset, port, p => p.Tls, t => t.Tls);
        var https = UpstreamTlsPolicy.UsesTls(tls);

        // A route to an undefined subset has no endpoints: the request gets a 503, as in Istio.
        var endpoints = port is null || !subsetKnown || table?.Service is null
            ? []
            : table.Service.Endpoints
                .Where(e => IsReachable(e) && (subset is null || WorkloadSelector.Matches(subset.Labels, e.Labels)))
                .Select(e => CreateEndpoint(name, e, table.Service.Namespace, port, healthState, https))
                .ToArray();

        // The most specific load balancer with a policy wins: a consistentHash at one level overrides a simple one above it.
        var loadBalancer = Effective(rule, subset, port, p => WithPolicy(p.LoadBalancer), t => WithPolicy(t.LoadBalancer));
        var hash = endpoints.Length > 0 && loadBalancer?.ConsistentHash is { } hashSettings ? hashSettings : null;
        var policy = hash is null ? LoadBalancingPolicies.Create(loadBalancer?.Simple, random) : LoadBalancingPolicies.CreateHash(hash, endpoints, random);

        // Istio's precedence for warmup: the most specific loadBalancer replaces the others whole. Envoy (and so Istio)
        // applies slow start to ROUND_ROBIN and LEAST_REQUEST only.
        var slowStart = policy is RoundRobinPolicy or LeastRequestPolicy
            ? SlowStart.From(Effective(rule, subset, port, p => p.LoadBalancer, t => t.LoadBalancer), states.Membership.Time, random)
            : null;
        var pool = Effective(rule, subset, port, p => p.ConnectionPool, t => t.ConnectionPool);
        var requestConfig = RequestConfig(port);
        var tlsPolicy = UpstreamTlsPolicy.From(tls);
        var limits = (pool is null && tlsPolicy is null) || resilience is null ? null : resilience.CompileCluster(name, pool, requestConfig.Version == HttpVersion.Version20, tlsPolicy);
        return new UpstreamCluster(
            name, destination.Host, destination.Subset, endpoints, policy, requestConfig, limits,
            healthState, RateLimits(destination, rule, subset), hash is null ? null : new RequestHashPolicy(hash, random), slowStart,
            table?.Pool is { } inferencePool ? Picker(inferencePool, endpoints) : null);
    }

    // An InferencePool's cluster picks with the endpoint picker, whatever a DestinationRule's loadBalancer says.
    private InferencePoolPicker? Picker(InferencePoolBinding pool, UpstreamEndpoint[] endpoints)
    {
        if (pools is null)
        {
            return null;
        }

        var state = pools.Get(pool.Host);
        if (!_poolMembers.TryGetValue(pool.Host, out var members))
        {
            _poolMembers[pool.Host] = members = new HashSet<string>(StringComparer.Ordinal);
        }

        members.UnionWith(endpoints.Select(e => e.HostAndPort));
        var slots = Array.ConvertAll(endpoints, e =>
        {
            var slot = state.Slot(e.HostAndPort);
            slot.Bind(e.State);
            return slot;
        });
        return new InferencePoolPicker(state, slots, pool.Objectives, pools.Options, random, pools.Time, pickerMetrics);
    }

    // The breaker comes from the subset's x-orleansmesh block, else the rule's; outlier detection with Istio's
    // precedence. Neither: no state, and no cost per request.
    private DestinationHealthState? HealthOf(Destination destination, DestinationRuleSpec? rule, Subset? subset, ServicePort? port)
    {
        var breaker = subset?.TrafficPolicy?.Mesh?.CircuitBreaker ?? rule?.TrafficPolicy?.Mesh?.CircuitBreaker;
        var outliers = Effective(rule, subset, port, p => p.OutlierDetection, t => t.OutlierDetection);
        if (health is null || (breaker is null && outliers is null))
        {
            return null;
        }

        var key = DestinationKey.Of(destination.Host.ToLowerInvariant(), destination.Subset);
        if (!_health.ContainsKey(key))
        {
            _health[key] = (new DestinationPolicy { Breaker = breaker, OutlierDetection = outliers }, new HashSet<string>(StringComparer.Ordinal));
        }

        return health.Get(key);
    }

    // Field by field, the subset's block over the rule's; scoped per destination so every gateway shares one bucket.
    private static CompiledRateLimit[] RateLimits(Destination destination, DestinationRuleSpec? rule, Subset? subset)
    {
        var scope = "destination/" + DestinationKey.Of(destination.Host.ToLowerInvariant(), destination.Subset);
        var global = subset?.TrafficPolicy?.Mesh?.RateLimit ?? rule?.TrafficPolicy?.Mesh?.RateLimit;
        var local = subset?.TrafficPolicy?.Mesh?.LocalRateLimit ?? rule?.TrafficPolicy?.Mesh?.LocalRateLimit;
        return CompiledRateLimit.Of(scope, global, local);
    }

    /// <summary>
    /// A setting both policy levels have, with Istio's precedence: subset port-level, subset, rule port-level, rule.
    /// </summary>
    private static T? Effective<T>(DestinationRuleSpec? rule, Subset? subset, ServicePort? port, Func<PortTrafficPolicy, T?> atPort, Func<TrafficPolicy, T?> atPolicy)
        where T : class
    {
        return Layer(subset?.TrafficPolicy) ?? Layer(rule?.TrafficPolicy);

        T? Layer(TrafficPolicy? policy) =>
            policy is null
                ? null
                : (port is not null && policy.PortLevelSettings.FirstOrDefault(p => p.Port == port.Number) is { } portLevel ? atPort(portLevel) : null) ?? atPolicy(policy);
    }

    // A load balancer with neither `simple` nor `consistentHash` (only warmup) leaves the policy to the next level.
    private static LoadBalancerSettings? WithPolicy(LoadBalancerSettings? settings)
        => settings?.Simple is null && settings?.ConsistentHash is null ? null : settings;

    // Istio accepts endpoints on another network (no address: reached through that network's gateway) and on unix
    // sockets; the gateway has no route to either, so they get no traffic (the validator warns).
    private static bool IsReachable(WorkloadEntrySpec endpoint)
        => endpoint.Address.Length > 0 && !endpoint.Address.StartsWith("unix://", StringComparison.Ordinal);

    private DestinationRule? WildcardRule(string host)
        => _wildcardRules.FirstOrDefault(r => HostPattern.Covers(r.Key, host)).Value;

    private UpstreamEndpoint CreateEndpoint(string cluster, WorkloadEntrySpec endpoint, string @namespace, ServicePort port, DestinationHealthState? healthState, bool https)
    {
        var number = endpoint.Ports.TryGetValue(port.Name, out var named) ? named : port.TargetPort ?? port.Number;
        var address = IPAddress.TryParse(endpoint.Address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{endpoint.Address}]"
            : endpoint.Address;
        // ISTIO_MUTUAL: TLS with this gateway's workload certificate, the server verified against the mesh's trust bundle;
        // SIMPLE / MUTUAL: TLS as the rule says, on the cluster's own pool.
        var prefix = $"{(https ? "https" : "http")}://{address}:{number}";
        EndpointHealth? endpointHealth = null;
        if (healthState is not null)
        {
            var hostPort = $"{address}:{number}";
            _health[healthState.Key].Addresses.Add(hostPort);
            endpointHealth = healthState.Endpoint(hostPort);
        }

        if (!_members.TryGetValue(cluster, out var members))
        {
            _members[cluster] = members = new Dictionary<string, long>(StringComparer.Ordinal);
        }

        // The same address listed twice in a cluster is one member: the first listing's time stands.
        if (!members.TryGetValue(prefix, out var joinedAt))
        {
            members[prefix] = joinedAt = states.Membership.JoinedAt(cluster, prefix);
        }

        return new UpstreamEndpoint(endpoint.Address, number, prefix, endpoint.Labels, states.Get(prefix), endpointHealth)
        {
            Namespace = @namespace,
            JoinedAt = joinedAt,
        };
    }

    private static ServicePort? ResolvePort(ServiceDefinition? service, uint? requested)
    {
        if (service is null || service.Ports.IsDefaultOrEmpty)
        {
            return null;
        }

        return requested is { } number ? service.Ports.FirstOrDefault(p => p.Number == number) : service.Ports[0];
    }

    private static ForwarderRequestConfig RequestConfig(ServicePort? port)
    {
        var http2 = port?.Protocol.ToUpperInvariant() is "HTTP2" or "GRPC" or "GRPC-WEB";
        return new ForwarderRequestConfig
        {
            ActivityTimeout = s_activityTimeout,

            // Plain-text HTTP/2 (h2c) has no negotiation, so it must be asked for exactly.
            Version = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = http2 ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower,
        };
    }
}
