using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.ControlPlane;

namespace OrleansMesh.Gateway.Tests.ControlPlane;

public sealed class HedgedCallTests
{
    private static readonly TimeSpan HedgeAfter = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RunAsync_FirstAttemptAnswers_CallsOnce()
    {
        var calls = 0;

        var result = await HedgedCall.RunAsync(() => Task.FromResult(++calls), HedgeAfter, Timeout, _time);

        Assert.Equal((1, 1), (result, calls));
    }

    [Fact]
    public async Task RunAsync_FirstAttemptHangs_SecondStartsAfterHedgeDelayAndWins()
    {
        var stuck = new TaskCompletionSource<string>();
        var attempts = new List<TaskCompletionSource<string>> { stuck, new() };
        var calls = 0;
        var run = HedgedCall.RunAsync(() => attempts[calls++].Task, HedgeAfter, Timeout, _time);
        Assert.Equal(1, calls);

        _time.Advance(HedgeAfter);
        Assert.Equal(2, calls);
        attempts[1].SetResult("new activation");

        Assert.Equal("new activation", await run);
        Assert.False(stuck.Task.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_AttemptFailsAtOnce_NextWaitsForTheHedgeDelay()
    {
        var calls = 0;
        var run = HedgedCall.RunAsync(
            () => ++calls == 1 ? Task.FromException<int>(new InvalidOperationException("rejected")) : Task.FromResult(calls),
            HedgeAfter,
            Timeout,
            _time);
        Assert.Equal(1, calls);

        _time.Advance(HedgeAfter - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, calls);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, await run);
    }

    [Fact]
    public async Task RunAsync_NoAttemptAnswers_TimesOutWithTheLastFailure()
    {
        var calls = 0;
        var run = HedgedCall.RunAsync(
            () => ++calls == 1 ? Task.FromException<int>(new InvalidOperationException("rejected")) : new TaskCompletionSource<int>().Task,
            HedgeAfter,
            Timeout,
            _time);

        for (var elapsed = TimeSpan.Zero; elapsed < Timeout; elapsed += HedgeAfter)
        {
            _time.Advance(HedgeAfter);
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => run);
        Assert.Equal("rejected", error.InnerException?.Message);
        Assert.Equal(8, calls);
    }
}
