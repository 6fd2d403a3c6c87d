using System.Collections.Concurrent;
using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Networking;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// Compiles the resilience of routes (retries, timeouts, faults into Polly pipelines) and of clusters (connection-pool
/// limits), at snapshot-compile time. Pipelines hold no per-request state, so routes with the same retry count and
/// timeouts share one, across snapshots too.
/// </summary>
internal sealed class ResilienceCompiler
{
    private readonly TimeProvider _time;
    private readonly EnvoyBackoff _backoff;
    private readonly ClusterResilienceCache _clusters;
    private readonly ConcurrentDictionary<(int Retries, TimeSpan? PerTry, TimeSpan? Total), ResiliencePipeline<AttemptResult>> _pipelines = new();

    public ResilienceCompiler(TimeProvider time, Random random, ClusterResilienceCache clusters)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(clusters);
        _time = time;
        _backoff = new EnvoyBackoff(random);
        _clusters = clusters;
    }

    /// <summary>With the system clock and the gateway's default socket settings (10 s connect, 90 s idle).</summary>
    public static ResilienceCompiler CreateDefault(Random random)
        => new(TimeProvider.System, random, new ClusterResilienceCache(TimeProvider.System, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(90)));

    public RouteResilience CompileRoute(HttpRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var retry = RetryPolicy.FromIstio(route.Retries);

        // Istio: a zero timeout means none.
        var timeout = route.Timeout is { } t && t > TimeSpan.Zero ? t : (TimeSpan?)null;
        var fault = FaultPolicy.Create(route.Fault);
        var pipeline = retry is null && timeout is null
            ? null
            : _pipelines.GetOrAdd((retry?.MaxRetries ?? 0, retry?.PerTryTimeout, timeout), Build);
        return new RouteResilience(retry, fault, timeout, pipeline);
    }

    public ClusterResilience CompileCluster(string clusterName, ConnectionPoolSettings? settings, bool http2, UpstreamTlsPolicy? tls = null)
        => _clusters.Get(clusterName, ConnectionPoolPolicy.From(settings), http2, tls);

    /// <summary>Called after each compile with the clusters the new snapshot uses.</summary>
    public void Retain(IReadOnlySet<string> liveClusterNames) => _clusters.Retain(liveClusterNames);

    // Outermost first: the route timeout spans every attempt and back-off, the per-try timeout one attempt.
    private ResiliencePipeline<AttemptResult> Build((int Retries, TimeSpan? PerTry, TimeSpan? Total) key)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = _time };
        if (key.Total is { } total)
        {
            var routeTimeout = Max(total, RouteResilience.MinTimeout);
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = routeTimeout,

                // Entered after a first attempt made outside it, the pipeline has what is left of the route's time.
                TimeoutGenerator = args => new ValueTask<TimeSpan>(
                    args.Context.Properties.TryGetValue(RouteResilience.TimeLeft, out var left) ? Max(left, RouteResilience.MinTimeout) : routeTimeout),
            });
        }

        if (key.Retries > 0)
        {
            var backoff = _backoff;
            builder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = key.Retries,

                // The attempt itself decides (it knows the conditions, the body and the retry budget); failures it
                // cannot classify (none expected) are not retried.
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is null && args.Outcome.Result.WillRetry),
                DelayGenerator = args => new ValueTask<TimeSpan?>(backoff.Next(args.AttemptNumber + 1)),

                // Polly falls back to this when the generator's delay is zero: Envoy's jitter may well draw zero.
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
            });
        }

        if (key.Retries > 0 && key.PerTry is { } perTry)
        {
            builder.AddTimeout(Max(perTry, RouteResilience.MinTimeout));
        }

        return builder.Build();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
