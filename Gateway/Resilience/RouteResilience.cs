using Polly;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// What a route does around forwarding, compiled once per snapshot: fault injection, retries, timeouts, and the
/// Polly pipeline that runs the attempts (null when the route has neither retries nor a timeout).
/// </summary>
internal sealed class RouteResilience(RetryPolicy? retry, FaultPolicy? fault, TimeSpan? timeout, ResiliencePipeline<AttemptResult>? pipeline)
{
    /// <summary>Nothing around forwarding: one attempt, no timeout, no fault.</summary>
    public static RouteResilience None { get; } = new(null, null, null, null);

    public RetryPolicy? Retry { get; } = retry;

    public FaultPolicy? Fault { get; } = fault;

    /// <summary>The route timeout, spanning all attempts and back-offs; null for none.</summary>
    public TimeSpan? Timeout { get; } = timeout;

    public ResiliencePipeline<AttemptResult>? Pipeline { get; } = pipeline;

    /// <summary>
    /// The deadline of a first attempt run before <see cref="Pipeline"/>: the shorter of the per-try timeout (which
    /// the pipeline applies only when it retries) and the route timeout, no shorter than <see cref="MinTimeout"/>;
    /// null for none (e.g. Istio's default retries).
    /// </summary>
    public TimeSpan? FirstAttemptTimeout { get; } = Shorter(retry is { MaxRetries: > 0 } ? retry.PerTryTimeout : null, timeout);

    /// <summary>What is left of the route timeout when the pipeline is entered after a first attempt made outside it.</summary>
    public static ResiliencePropertyKey<TimeSpan> TimeLeft { get; } = new("OrleansMesh.RouteTimeLeft");

    /// <summary>The shortest timeout applied: Polly's timeout strategy accepts none shorter (its range starts at 10 ms).</summary>
    public static TimeSpan MinTimeout { get; } = TimeSpan.FromMilliseconds(10);

    private static TimeSpan? Shorter(TimeSpan? a, TimeSpan? b)
    {
        var shorter = a is null ? b : b is null ? a : a < b ? a : b;
        return shorter is { } t && t < MinTimeout ? MinTimeout : shorter;
    }
}
