using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Scheduling;
using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Tests.Scheduling;

public sealed class InFlightExchangeTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();
    private readonly InFlightExchange _exchange = new();

    [Fact]
    public void Take_CountsUnchanged_SendsNothing()
    {
        Assert.NotNull(Take(("a:1", 2)));

        Assert.Null(Take(("a:1", 2)));
    }

    [Fact]
    public void Take_CountsChanged_SendsThemWithTheNextSequence()
    {
        var first = Take(("a:1", 2))!;

        var second = Take(("a:1", 1))!;

        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(1, second.InFlight["a:1"]);
    }

    [Fact]
    public void Take_UnchangedForTheHeartbeat_SendsThemAgain()
    {
        Take(("a:1", 2));
        _time.Advance(Heartbeat);

        Assert.NotNull(Take(("a:1", 2)));
    }

    [Fact]
    public void Mine_PushHoldsAnEarlierReport_ReturnsThatReportsCounts()
    {
        var held = Take(("a:1", 5))!;
        Take(("a:1", 1));

        var mine = _exchange.Mine(Push(1, held.Sequence), "me");

        Assert.Equal(5, mine!["a:1"]);
    }

    [Fact]
    public void Mine_PushHoldsNoReportOfThisGateway_IsEmpty()
    {
        Take(("a:1", 5));

        Assert.Empty(_exchange.Mine(Push(1, sequence: null), "me")!);
    }

    [Fact]
    public void Mine_PushOlderThanOneApplied_IsNull()
    {
        Assert.NotNull(_exchange.Mine(Push(2, null), "me"));

        Assert.Null(_exchange.Mine(Push(1, null), "me"));
    }

    [Fact]
    public void Mine_PushOfANewActivation_IsAppliedWhateverItsSequence()
    {
        _exchange.Mine(Push(7, null), "me");

        Assert.NotNull(_exchange.Mine(Push(1, null) with { Activation = "new" }, "me"));
    }

    private PoolInFlightReport? Take(params (string Endpoint, int Count)[] counts) =>
        _exchange.Take("me", counts.ToImmutableDictionary(c => c.Endpoint, c => c.Count), _time.GetTimestamp(), _time, Heartbeat);

    private static PoolInFlight Push(long pushSequence, long? sequence) => new()
    {
        Pool = "p",
        Sequence = pushSequence,
        Activation = "a",
        Included = sequence is { } s ? ImmutableDictionary<string, long>.Empty.Add("me", s) : ImmutableDictionary<string, long>.Empty,
    };
}
