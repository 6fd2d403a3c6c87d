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
    /// Whether <see cref="Pipeline"/> holds retries alone (no route or per-try timeout, e.g. Istio's default retries):
    /// then it does nothing for a first attempt, which can run before it.
    /// </summary>
    public bool RetriesOnly { get; } = timeout is null && retry?.PerTryTimeout is null;
}
