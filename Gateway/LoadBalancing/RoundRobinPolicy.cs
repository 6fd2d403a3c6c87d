namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary><c>ROUND_ROBIN</c>: each endpoint in turn. One counter per cluster, starting at a random offset as Envoy does.</summary>
internal sealed class RoundRobinPolicy(int start) : ILoadBalancingPolicy
{
    private int _counter = start;

    public string Name => "ROUND_ROBIN";

    public UpstreamEndpoint Pick(UpstreamEndpoint[] endpoints)
    {
        var next = (uint)Interlocked.Increment(ref _counter);
        return endpoints[next % (uint)endpoints.Length];
    }
}
