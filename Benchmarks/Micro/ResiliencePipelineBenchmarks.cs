using BenchmarkDotNet.Attributes;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Networking;
using Polly;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Benchmarks;

/// <summary>
/// The per-request cost of a route's resilience around one successful attempt: no pipeline (retries off, no
/// timeout), Istio's default retries, and retries with per-try and route timeouts (two linked timers).
/// The attempt itself completes at once, so only the pipeline is measured.
/// </summary>
[MemoryDiagnoser]
public class ResiliencePipelineBenchmarks
{
    private static readonly Func<ResilienceContext, int, ValueTask<Outcome<AttemptResult>>> s_attempt =
        static (_, _) => new ValueTask<Outcome<AttemptResult>>(Outcome.FromResult(new AttemptResult(UpstreamOutcome.Success, 200, ForwarderError.None, false)));

    private RouteResilience _none = null!;
    private RouteResilience _defaultRetries = null!;
    private RouteResilience _retriesAndTimeouts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var compiler = ResilienceCompiler.CreateDefault(new Random(42));
        _none = compiler.CompileRoute(new HttpRoute { Retries = new HttpRetry { Attempts = 0 } });
        _defaultRetries = compiler.CompileRoute(new HttpRoute());
        _retriesAndTimeouts = compiler.CompileRoute(new HttpRoute
        {
            Timeout = TimeSpan.FromSeconds(30),
            Retries = new HttpRetry { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(10), RetryOn = "5xx,reset" },
        });
    }

    [Benchmark(Baseline = true)]
    public ValueTask<int> NoRetriesNoTimeout() => RunAsync(_none);

    [Benchmark]
    public ValueTask<int> IstioDefaultRetries() => RunAsync(_defaultRetries);

    [Benchmark]
    public ValueTask<int> RetriesWithPerTryAndRouteTimeout() => RunAsync(_retriesAndTimeouts);

    // The same steps as ResilientForwarder.RunAsync, with an attempt that succeeds at once.
    private static async ValueTask<int> RunAsync(RouteResilience resilience)
    {
        if (resilience.Pipeline is not { } pipeline)
        {
            return (await s_attempt(null!, 0)).Result.StatusCode;
        }

        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(s_attempt, context, 0);
            return outcome.Result.StatusCode;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
