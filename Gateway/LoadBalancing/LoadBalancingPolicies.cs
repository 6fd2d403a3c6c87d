using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>Creates the policy a DestinationRule asks for.</summary>
internal static class LoadBalancingPolicies
{
    public static ILoadBalancingPolicy Create(SimpleLoadBalancer? simple, Random random) => simple switch
    {
        SimpleLoadBalancer.RoundRobin => new RoundRobinPolicy(random.Next()),
        SimpleLoadBalancer.Random or SimpleLoadBalancer.Passthrough => new RandomPolicy(random),

        // Istio's default since 1.14, and LEAST_CONN is its deprecated alias.
        _ => new LeastRequestPolicy(random),
    };

    /// <summary>
    /// A consistent hash over <paramref name="endpoints"/> (non-empty): Maglev when asked for, else Envoy's ring hash,
    /// sized by <c>ringHash.minimumRingSize</c> or the deprecated top-level <c>minimumRingSize</c>.
    /// </summary>
    public static ConsistentHashPolicy CreateHash(ConsistentHashSettings settings, UpstreamEndpoint[] endpoints, Random random)
    {
        var keys = Array.ConvertAll(endpoints, e => HashKeys.EndpointKey(e.Address, e.Port));
        IConsistentHashTable table = settings.Maglev is { } maglev
            ? new MaglevTable(keys, maglev.TableSize ?? MaglevTable.DefaultTableSize)
            : new RingHashTable(keys, settings.RingHash?.MinimumRingSize ?? settings.MinimumRingSize ?? RingHashTable.DefaultMinimumRingSize);
        return new ConsistentHashPolicy(table, random);
    }
}
