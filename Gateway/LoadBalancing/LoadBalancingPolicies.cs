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
}
