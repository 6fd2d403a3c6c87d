using System.Collections.Immutable;
using OrleansMesh.Grains.Inference;
using OrleansMesh.Inference;

namespace OrleansMesh.Grains.Tests.Inference;

public sealed class PoolScrapeStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ScrapedLoad Load = new(3, 2, 0.5, ["sql"], [], 4);

    [Fact]
    public void Targets_MembersOfEveryLiveGateway_AreScraped()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 100);
        state.Report(Report("g1", ["a:1", "b:1"]), T0);
        state.Report(Report("g2", ["b:1", "c:1"]), T0);

        Assert.Equal(["a:1", "b:1", "c:1"], state.Targets(T0));
    }

    [Fact]
    public void Targets_GatewayExpired_ItsMembersAreForgotten()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 100);
        state.Report(Report("g1", ["a:1"]), T0);
        state.Report(Report("g2", ["b:1"]), T0.AddSeconds(5));

        Assert.Equal(["b:1"], state.Targets(T0.AddSeconds(11)));
        Assert.True(state.Active(T0.AddSeconds(11)));
        Assert.False(state.Active(T0.AddSeconds(16)));
    }

    [Fact]
    public void Scraped_DispatchesBeforeTheScrape_AreNoLongerCounted()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 100);
        state.Report(Report("g1", ["a:1"], dispatched: 5), T0);
        state.Starting("a:1");
        state.Report(Report("g2", ["a:1"], dispatched: 2), T0);
        state.Scraped("a:1", Load, T0.AddMilliseconds(10));

        var load = Assert.Single(state.Publish(T0.AddMilliseconds(30)).Endpoints);

        Assert.Equal((3, 2, 2), (load.Waiting, load.Running, load.Dispatched));
        Assert.Equal(TimeSpan.FromMilliseconds(20), load.Age);
        Assert.Null(load.Error);
    }

    [Fact]
    public void Publish_InFlight_IsTheSumOfEachGatewaysLatestReport()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 100);
        state.Report(Report("g1", ["a:1"]), T0);
        state.Report(Report("g2", ["a:1"]), T0);
        state.ReportInFlight(InFlight("g1", 1, ("a:1", 5)));
        state.ReportInFlight(InFlight("g1", 2, ("a:1", 2)));
        state.ReportInFlight(InFlight("g2", 1, ("a:1", 3)));

        Assert.Equal(5, Assert.Single(state.Publish(T0).Endpoints).InFlight);
    }

    [Fact]
    public void ReportInFlight_OlderThanTheOneHeld_IsIgnored()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 100);
        state.Report(Report("g1", ["a:1"]), T0);
        Assert.True(state.ReportInFlight(InFlight("g1", 2, ("a:1", 2))));

        Assert.False(state.ReportInFlight(InFlight("g1", 1, ("a:1", 7))));
        Assert.Equal(2, state.InFlightPush("x").Totals["a:1"]);
    }

    [Fact]
    public void InFlightPush_SumsEveryGatewayAndSaysWhichReportOfEachItHolds()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 100);
        state.Report(Report("g1", ["a:1", "b:1"]), T0);
        state.Report(Report("g2", ["a:1", "b:1"]), T0);
        state.ReportInFlight(InFlight("g1", 4, ("a:1", 1), ("b:1", 2)));
        state.ReportInFlight(InFlight("g2", 9, ("a:1", 3)));

        var push = state.InFlightPush("act");

        Assert.Equal(4, push.Totals["a:1"]);
        Assert.Equal(2, push.Totals["b:1"]);
        Assert.Equal(4, push.Included["g1"]);
        Assert.Equal(9, push.Included["g2"]);
        Assert.Equal(("p", "act"), (push.Pool, push.Activation));
        Assert.True(state.InFlightPush("act").Sequence > push.Sequence);
    }

    [Fact]
    public void InFlightPush_GatewayExpired_ItsRequestsNoLongerCount()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 100);
        state.Report(Report("g1", ["a:1"]), T0);
        state.Report(Report("g2", ["a:1"]), T0.AddSeconds(5));
        state.ReportInFlight(InFlight("g1", 1, ("a:1", 4)));
        state.ReportInFlight(InFlight("g2", 1, ("a:1", 1)));

        state.Targets(T0.AddSeconds(11));

        var push = state.InFlightPush("act");
        Assert.Equal(1, push.Totals["a:1"]);
        Assert.False(push.Included.ContainsKey("g1"));
    }

    [Fact]
    public void Failed_KeepsTheLastGoodScrapeWithTheError()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 100);
        state.Report(Report("g1", ["a:1"]), T0);
        state.Scraped("a:1", Load, T0);
        state.Failed("a:1", "HTTP 503");

        var load = Assert.Single(state.Publish(T0.AddSeconds(1)).Endpoints);

        Assert.Equal((3, "HTTP 503", TimeSpan.FromSeconds(1)), (load.Waiting, load.Error, load.Age));
    }

    [Fact]
    public void Publish_PrefixHints_AreSentOnceAndBounded()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 2);
        state.Report(Report("g1", ["a:1"]) with { Prefixes = [new(1, "a:1"), new(2, "a:1"), new(3, "a:1")] }, T0);

        Assert.Equal([1UL, 2UL], state.Publish(T0).Prefixes.Select(h => h.Block));
        Assert.Empty(state.Publish(T0).Prefixes);
    }

    [Fact]
    public void Publish_NeverScraped_SaysSo()
    {
        var state = new PoolScrapeState("p", TimeSpan.FromSeconds(10), 2);
        state.Report(Report("g1", ["a:1"]), T0);

        var load = Assert.Single(state.Publish(T0).Endpoints);

        Assert.Equal((TimeSpan.MaxValue, "not scraped yet"), (load.Age, load.Error));
    }

    private static PoolInFlightReport InFlight(string gateway, long sequence, params (string Endpoint, int Count)[] counts) => new()
    {
        GatewayId = gateway,
        Sequence = sequence,
        InFlight = counts.ToImmutableDictionary(c => c.Endpoint, c => c.Count),
    };

    private static PoolDispatchReport Report(string gateway, string[] members, int dispatched = 0) => new()
    {
        GatewayId = gateway,
        Members = [.. members],
        Dispatched = dispatched == 0 ? ImmutableDictionary<string, int>.Empty : members.ToImmutableDictionary(m => m, _ => dispatched),
    };
}
