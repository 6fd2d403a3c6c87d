using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class ForwardActionTests
{
    [Fact]
    public void Pick_EveryRollWithWeights90And10_Gives90And10()
    {
        var action = Forward(90, 10);

        Assert.Equal([90, 10], Tally(action, Enumerable.Range(0, 100)));
    }

    [Fact]
    public void Pick_EveryRoll_NeverPicksWeightZero()
    {
        var action = Forward(0, 50, 0, 50, 0);

        Assert.Equal([0, 50, 0, 50, 0], Tally(action, Enumerable.Range(0, action.TotalWeight)));
    }

    [Fact]
    public void Pick_SeededRollsWith80And20_StaysWithinTwoPoints()
    {
        var action = Forward(80, 20);
        var random = new Random(42);

        var counts = Tally(action, Enumerable.Range(0, 10_000).Select(_ => random.Next(action.TotalWeight)));

        Assert.InRange(counts[0], 7_800, 8_200);
    }

    [Fact]
    public void Pick_SingleDestination_TakesEveryRoll()
    {
        var action = Forward(100);

        Assert.Equal([100], Tally(action, Enumerable.Range(0, 100)));
    }

    [Fact]
    public void TotalWeight_IsTheSumOfWeights()
    {
        Assert.Equal(100, Forward(50, 30, 20).TotalWeight);
    }

    private static ForwardAction Forward(params int[] weights) =>
        new([.. weights.Select((w, i) => new WeightedDestination(Cluster($"c{i}"), w, []))], new HttpRoute());

    private static UpstreamCluster Cluster(string name) =>
        new(name, name, null, [], new RandomPolicy(new Random(1)), ForwarderRequestConfig.Empty);

    private static int[] Tally(ForwardAction action, IEnumerable<int> rolls)
    {
        var counts = new int[action.Destinations.Length];
        foreach (var roll in rolls)
        {
            counts[Array.IndexOf(action.Destinations, action.Pick(roll))]++;
        }

        return counts;
    }
}
