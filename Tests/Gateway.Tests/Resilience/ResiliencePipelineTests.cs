using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Networking;
using Polly;
using Polly.Timeout;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Tests.Resilience;

/// <summary>The pipelines <see cref="ResilienceCompiler"/> builds, driven by a fake clock.</summary>
public sealed class ResiliencePipelineTests
{
    private static readonly AttemptResult s_retry = new(UpstreamOutcome.GatewayError, 503, ForwarderError.None, WillRetry: true);
    private static readonly AttemptResult s_done = new(UpstreamOutcome.Success, 200, ForwarderError.None, WillRetry: false);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Execute_EveryAttemptAsksToRetry_MakesAttemptsPlusOneCalls()
    {
        var pipeline = Compile(new HttpRoute { Retries = new HttpRetry { Attempts = 3 } }).Pipeline!;
        var calls = 0;

        var outcome = await pipeline.ExecuteOutcomeAsync((_, _) => { calls++; return Outcome(s_retry); }, ResilienceContextPool.Shared.Get(), 0);

        Assert.Equal(4, calls);
        Assert.Equal(503, outcome.Result.StatusCode);
    }

    [Fact]
    public async Task Execute_SecondAttemptSucceeds_StopsThere()
    {
        var pipeline = Compile(new HttpRoute { Retries = new HttpRetry { Attempts = 3 } }).Pipeline!;
        var calls = 0;

        var outcome = await pipeline.ExecuteOutcomeAsync((_, _) => Outcome(++calls == 1 ? s_retry : s_done), ResilienceContextPool.Shared.Get(), 0);

        Assert.Equal(2, calls);
        Assert.Equal(200, outcome.Result.StatusCode);
    }

    [Fact]
    public async Task Execute_AttemptDoesNotAskToRetry_MakesOneCall()
    {
        var pipeline = Compile(new HttpRoute()).Pipeline!;
        var calls = 0;

        await pipeline.ExecuteOutcomeAsync((_, _) => { calls++; return Outcome(s_retry with { WillRetry = false }); }, ResilienceContextPool.Shared.Get(), 0);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Execute_PerTryTimeout_CancelsEachAttemptAndRetries()
    {
        var pipeline = Compile(new HttpRoute { Retries = new HttpRetry { Attempts = 2, PerTryTimeout = TimeSpan.FromSeconds(1), RetryOn = "reset" } }).Pipeline!;
        var calls = 0;

        var run = pipeline.ExecuteOutcomeAsync((context, _) => { calls++; return WaitForCancellationAsync(context.CancellationToken); }, ResilienceContextPool.Shared.Get(), 0).AsTask();
        var outcome = await AdvanceUntilDoneAsync(run);

        Assert.True(calls == 3, $"{calls} {outcome} {_time.GetUtcNow()}");
        Assert.Equal(UpstreamOutcome.Timeout, outcome.Result.Outcome);
    }

    [Fact]
    public async Task Execute_RouteTimeoutDuringAnAttempt_EndsItWithoutRetrying()
    {
        var route = new HttpRoute { Timeout = TimeSpan.FromSeconds(2), Retries = new HttpRetry { Attempts = 5, RetryOn = "reset" } };
        var pipeline = Compile(route).Pipeline!;
        var calls = 0;

        var run = pipeline.ExecuteOutcomeAsync((context, _) => { calls++; return WaitForCancellationAsync(context.CancellationToken); }, ResilienceContextPool.Shared.Get(), 0).AsTask();
        var outcome = await AdvanceUntilDoneAsync(run);

        // The forwarder reads a TimeoutRejectedException as the route timeout: 504 UT.
        Assert.Equal(1, calls);
        Assert.IsType<TimeoutRejectedException>(outcome.Exception);
    }

    [Fact]
    public void CompileRoute_SameRetriesAndTimeouts_SharesOnePipeline()
    {
        var compiler = new ResilienceCompiler(_time, new ZeroRandom(), new ClusterResilienceCache(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        Assert.Same(compiler.CompileRoute(new HttpRoute { Name = "a" }).Pipeline, compiler.CompileRoute(new HttpRoute { Name = "b" }).Pipeline);
    }

    [Fact]
    public void CompileRoute_NoRetriesAndNoTimeout_HasNoPipeline()
    {
        Assert.Null(Compile(new HttpRoute { Retries = new HttpRetry { Attempts = 0 } }).Pipeline);
    }

    [Fact]
    public void CompileRoute_ZeroTimeout_MeansNone()
    {
        Assert.Null(Compile(new HttpRoute { Timeout = TimeSpan.Zero }).Timeout);
    }

    private RouteResilience Compile(HttpRoute route)
        => new ResilienceCompiler(_time, new ZeroRandom(), new ClusterResilienceCache(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))).CompileRoute(route);

    private static ValueTask<Outcome<AttemptResult>> Outcome(AttemptResult result) => new(Polly.Outcome.FromResult(result));

    private static async ValueTask<Outcome<AttemptResult>> WaitForCancellationAsync(CancellationToken token)
    {
        // Asynchronous: the next attempt must not start inside the timer callback of the clock's Advance.
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (token.Register(() => cancelled.TrySetResult()))
        {
            await cancelled.Task;
        }

        return Polly.Outcome.FromResult(new AttemptResult(UpstreamOutcome.Timeout, 0, ForwarderError.RequestCanceled, WillRetry: true));
    }

    // Timers fire on Advance and continuations run on the pool: step the clock by 100 ms while the run is pending. The
    // bound is real time, not a count of steps: on a loaded machine the pipeline's continuations may lag the steps, and a
    // timer it starts after the last step would otherwise never fire.
    private async Task<Outcome<AttemptResult>> AdvanceUntilDoneAsync(Task<Outcome<AttemptResult>> run)
    {
        var elapsed = Stopwatch.StartNew();
        while (!run.IsCompleted && elapsed.Elapsed < TimeSpan.FromSeconds(30))
        {
            for (var i = 0; i < 100 && !run.IsCompleted; i++)
            {
                await Task.Yield();
            }

            if (!run.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.True(run.IsCompleted, $"the pipeline had not finished after 30 s of real time (clock at {_time.GetUtcNow():O})");
        return await run;
    }
}
