namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// <c>LEAST_REQUEST</c>, as Envoy does it: the less busy of two distinct random endpoints (power of two choices),
/// which avoids the herd that a global minimum would send to one endpoint.
/// </summary>
internal sealed class LeastRequestPolicy(Random random) : ILoadBalancingPolicy
{
    public string Name => "LEAST_REQUEST";

    public UpstreamEndpoint Pick(UpstreamEndpoint[] endpoints)
    {
        if (endpoints.Length == 1)
        {
            return endpoints[0];
        }

        var first = random.Next(endpoints.Length);
        var second = random.Next(endpoints.Length - 1);
        if (second >= first)
        {
            second++;
        }

        var a = endpoints[first];
        var b = endpoints[second];
        return b.State.InFlight < a.State.InFlight ? b : a;
    }
}
