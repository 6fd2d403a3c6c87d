using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Tests.LoadBalancing;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class UpstreamClusterRetryPickTests
{
    public static TheoryData<string> Policies => ["ROUND_ROBIN", "RANDOM", "LEAST_REQUEST"];

    [Theory]
    [MemberData(nameof(Policies))]
    public void PickRetryEndpoint_OneTried_NeverPicksItAgain(string policy)
    {
        var endpoints = Endpoints.Create(3);
        var cluster = Cluster(endpoints, policy);

        var picks = Enumerable.Range(0, 200).Select(_ => cluster.PickRetryEndpoint([endpoints[1]])).ToArray();

        Assert.DoesNotContain(endpoints[1], picks);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void PickRetryEndpoint_AllButOneTried_PicksTheUntriedOne(string policy)
    {
        var endpoints = Endpoints.Create(4);
        var cluster = Cluster(endpoints, policy);

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Same(endpoints[2], cluster.PickRetryEndpoint([endpoints[0], endpoints[1], endpoints[3]])));
    }

    [Fact]
    public void PickRetryEndpoint_AllTried_StillPicksOne()
    {
        var endpoints = Endpoints.Create(2);

        Assert.Contains(Cluster(endpoints, "RANDOM").PickRetryEndpoint([endpoints[0], endpoints[1]]), endpoints);
    }

    private static UpstreamCluster Cluster(UpstreamEndpoint[] endpoints, string policy)
    {
        var simple = policy switch
        {
            "ROUND_ROBIN" => Networking.SimpleLoadBalancer.RoundRobin,
            "RANDOM" => Networking.SimpleLoadBalancer.Random,
            _ => Networking.SimpleLoadBalancer.LeastRequest,
        };
        return new UpstreamCluster("c", "c", null, endpoints, LoadBalancingPolicies.Create(simple, new Random(3)), ForwarderRequestConfig.Empty);
    }
}
