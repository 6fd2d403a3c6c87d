namespace OrleansMesh.Resilience;

/// <summary>
/// Parameters of a destination's cluster-wide circuit breaker: the <c>x-orleansmesh.circuitBreaker</c> block of a
/// DestinationRule's <c>trafficPolicy</c> (top level or subset). Istio has no such breaker; its own
/// <c>connectionPool</c> and <c>outlierDetection</c> keep their meaning beside it.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.CircuitBreakerSettings")]
public sealed record CircuitBreakerSettings
{
    /// <summary>Failure rate, in percent of the requests in the window, that opens the breaker. Default 50.</summary>
    [Id(0)] public double FailurePercentage { get; init; } = 50;

    /// <summary>Length of the sliding window outcomes are counted over. Default 10 s.</summary>
    [Id(1)] public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Granularity of the window: outcomes leave it one bucket at a time. Default 1 s.</summary>
    [Id(2)] public TimeSpan Bucket { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests the window must hold before the failure rate is considered. Default 20.</summary>
    [Id(3)] public int MinimumRequests { get; init; } = 20;

    /// <summary>How long the breaker stays open before it lets probes through. Default 5 s.</summary>
    [Id(4)] public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Probe requests granted cluster-wide in the half-open state; all must succeed to close it. Default 3.</summary>
    [Id(5)] public int HalfOpenProbes { get; init; } = 3;

    /// <summary>Which outcomes are failures. Default: connect failure, reset, timeout and 5xx.</summary>
    [Id(6)] public FailureConditions FailOn { get; init; } = FailureConditions.Default;
}
