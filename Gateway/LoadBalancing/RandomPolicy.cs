namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary><c>RANDOM</c>: a uniformly random endpoint.</summary>
internal sealed class RandomPolicy(Random random) : ILoadBalancingPolicy
{
    public string Name => "RANDOM";

    public UpstreamEndpoint Pick(UpstreamEndpoint[] endpoints) => endpoints[random.Next(endpoints.Length)];
}
