using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Gateway.Resilience;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// The endpoints of one destination (service host, subset, port) and how to pick one: Envoy's cluster,
/// named like Istio names it (<c>outbound|9080|v1|reviews</c>).
/// </summary>
internal sealed class UpstreamCluster(
    string name,
    string host,
    string? subset,
    UpstreamEndpoint[] endpoints,
    ILoadBalancingPolicy policy,
    ForwarderRequestConfig requestConfig,
    ClusterResilience? resilience = null,
    DestinationHealthState? health = null,
    CompiledRateLimit[]? rateLimits = null,
    RequestHashPolicy? hashPolicy = null,
    SlowStart? slowStart = null,
    IRequestPicker? requestPicker = null)
{
    // Envoy's host_selection_retry_max_attempts as Istio sets it: re-picks before taking an already tried endpoint.
    private const int RetryPicks = 5;

    public string Name { get; } = name;

    public string Host { get; } = host;

    public string? Subset { get; } = subset;

    public UpstreamEndpoint[] Endpoints { get; } = endpoints;

    public ILoadBalancingPolicy Policy { get; } = policy;

    public ForwarderRequestConfig RequestConfig { get; } = requestConfig;

    /// <summary>The cluster's connection-pool limits and, when it has its own, its connection pool.</summary>
    public ClusterResilience Resilience { get; } = resilience ?? ClusterResilience.Unlimited;

    /// <summary>The destination's cluster-wide breaker and outlier state, when it has either.</summary>
    public DestinationHealthState? Health { get; } = health;

    /// <summary>The destination's rate limits (<c>x-orleansmesh</c> of its DestinationRule).</summary>
    public CompiledRateLimit[] RateLimits { get; } = rateLimits ?? [];

    /// <summary>
    /// Where a <c>consistentHash</c> cluster takes a request's hash key from; null for the other policies, which pick
    /// without looking at the request.
    /// </summary>
    public RequestHashPolicy? HashPolicy { get; } = hashPolicy;

    /// <summary>Slow start of endpoints new to the cluster (<c>loadBalancer.warmup</c>); null when not configured.</summary>
    public SlowStart? SlowStart { get; } = slowStart;

    /// <summary>The InferencePool endpoint picker, which looks at each request; null for every other cluster.</summary>
    public IRequestPicker? RequestPicker { get; } = requestPicker;

    /// <summary>An endpoint for the request from <see cref="RequestPicker"/>, which the cluster must have.</summary>
    public UpstreamEndpoint? PickEndpoint(HttpContext context, ReadOnlySpan<UpstreamEndpoint> tried)
    {
        if (Endpoints.Length == 0 || RequestPicker is not { } picker)
        {
            return null;
        }

        var now = Health is { AnyEjected: true } health ? health.Now : 0;
        return picker.Pick(context, Endpoints, tried, now);
    }

    /// <summary>Whether <paramref name="endpoint"/> may take requests at <paramref name="now"/> (0: none is ejected).</summary>
    public static bool IsInService(UpstreamEndpoint endpoint, long now) => InService(endpoint, now);

    /// <summary>An endpoint for the next request, or null when the cluster has none (or all are ejected).</summary>
    public UpstreamEndpoint? PickEndpoint()
    {
        if (Endpoints.Length == 0)
        {
            return null;
        }

        var now = Health is { AnyEjected: true } health ? health.Now : 0;
        if (SlowStart is { } slowStart)
        {
            return PickWarming(slowStart, [], now);
        }

        // Fast path: no endpoint of the destination is ejected, so the policy's pick stands.
        return now == 0 ? Policy.Pick(Endpoints) : Pick([], now);
    }

    /// <summary>
    /// An endpoint for a retry: one not in <paramref name="tried"/> when there is one (Envoy's previous-hosts
    /// predicate). The policy picks as usual and is asked again when it lands on a tried endpoint; after a few
    /// tries the first untried endpoint is taken, so another endpoint is always used when one exists.
    /// Ejected endpoints are never picked.
    /// </summary>
    public UpstreamEndpoint? PickRetryEndpoint(ReadOnlySpan<UpstreamEndpoint> tried)
    {
        if (Endpoints.Length == 0)
        {
            return null;
        }

        var now = Health is { AnyEjected: true } health ? health.Now : 0;
        if (SlowStart is { } slowStart)
        {
            return PickWarming(slowStart, tried, now);
        }

        return tried.IsEmpty && now == 0 ? Policy.Pick(Endpoints) : Pick(tried, now);
    }

    /// <summary>
    /// The endpoint for a request with a consistent hash (<see cref="HashPolicy"/> gave one): the hash's endpoint,
    /// else the next one on the ring in service and not in <paramref name="tried"/>. Null when the cluster has no
    /// endpoint in service.
    /// </summary>
    public UpstreamEndpoint? PickEndpoint(ulong hash, ReadOnlySpan<UpstreamEndpoint> tried)
    {
        if (Endpoints.Length == 0)
        {
            return null;
        }

        var now = Health is { AnyEjected: true } health ? health.Now : 0;
        return Policy is ConsistentHashPolicy ring ? ring.Pick(Endpoints, hash, tried, now) : Pick(tried, now);
    }

    /// <summary>
    /// As <see cref="Pick"/>, with slow start: a pick of a warming endpoint stands with the probability of its weight,
    /// else the policy picks again; after <see cref="LoadBalancing.SlowStart.MaxPicks"/> picks the last usable one stands.
    /// </summary>
    private UpstreamEndpoint? PickWarming(SlowStart slowStart, ReadOnlySpan<UpstreamEndpoint> tried, long now)
    {
        var clock = slowStart.Now;
        UpstreamEndpoint? usable = null;
        for (var i = 0; i < SlowStart.MaxPicks; i++)
        {
            var picked = Policy.Pick(Endpoints);
            if (Contains(tried, picked) || !InService(picked, now))
            {
                continue;
            }

            if (slowStart.Admits(picked, clock))
            {
                return picked;
            }

            usable = picked;
        }

        return usable ?? Pick(tried, now);
    }

    /// <summary>Picks an endpoint in service (not ejected at <paramref name="now"/>; 0: none is) and untried if possible.</summary>
    private UpstreamEndpoint? Pick(ReadOnlySpan<UpstreamEndpoint> tried, long now)
    {
        for (var i = 0; i < RetryPicks; i++)
        {
            var picked = Policy.Pick(Endpoints);
            if (!Contains(tried, picked) && InService(picked, now))
            {
                return picked;
            }
        }

        UpstreamEndpoint? triedInService = null;
        foreach (var endpoint in Endpoints)
        {
            if (InService(endpoint, now))
            {
                if (!Contains(tried, endpoint))
                {
                    return endpoint;
                }

                triedInService ??= endpoint;
            }
        }

        // Every endpoint in service was tried already: try one again. None in service: no healthy upstream.
        return now == 0 ? Policy.Pick(Endpoints) : triedInService;
    }

    private static bool InService(UpstreamEndpoint endpoint, long now) => now == 0 || endpoint.Health?.IsEjected(now) != true;

    private static bool Contains(ReadOnlySpan<UpstreamEndpoint> endpoints, UpstreamEndpoint endpoint)
    {
        foreach (var e in endpoints)
        {
            if (ReferenceEquals(e, endpoint))
            {
                return true;
            }
        }

        return false;
    }
}
