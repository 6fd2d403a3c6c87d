using System.Collections.Immutable;
using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

/// <summary>Endpoints on 127.0.0.1, one port each, with fresh counters.</summary>
internal static class Endpoints
{
    public static UpstreamEndpoint[] Create(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new UpstreamEndpoint(
            "127.0.0.1",
            (uint)(9001 + i),
            $"http://127.0.0.1:{9001 + i}",
            ImmutableDictionary<string, string>.Empty,
            new EndpointState()))];

    /// <summary>How many times each endpoint is picked in <paramref name="picks"/> picks.</summary>
    public static int[] Tally(ILoadBalancingPolicy policy, UpstreamEndpoint[] endpoints, int picks)
    {
        var counts = new int[endpoints.Length];
        for (var i = 0; i < picks; i++)
        {
            counts[Array.IndexOf(endpoints, policy.Pick(endpoints))]++;
        }

        return counts;
    }
}
