using System.Collections.Immutable;

namespace OrleansMesh.Resilience;

/// <summary>A gateway's batch of outcomes for one destination, sent to its health grain.</summary>
[GenerateSerializer, Immutable, Alias("om.HealthReport")]
public sealed record HealthReport
{
    /// <summary>Identifies the reporting gateway (stable for the life of its process).</summary>
    [Id(0)] public string GatewayId { get; init; } = "";

    /// <summary>Where the grain pushes state changes; the grain forgets observers that stop reporting.</summary>
    [Id(1)] public IDestinationHealthObserver? Observer { get; init; }

    /// <summary>The destination's parameters in the gateway's snapshot.</summary>
    [Id(2)] public DestinationPolicy Policy { get; init; } = new();

    /// <summary>Requests that passed the breaker in the closed state and did not fail.</summary>
    [Id(3)] public int Successes { get; init; }

    /// <summary>Requests that passed the breaker in the closed state and failed (by the breaker's conditions).</summary>
    [Id(4)] public int Failures { get; init; }

    /// <summary>Granted half-open probes that succeeded.</summary>
    [Id(5)] public int ProbeSuccesses { get; init; }

    /// <summary>Granted half-open probes that failed.</summary>
    [Id(6)] public int ProbeFailures { get; init; }

    /// <summary>Per-endpoint outcomes, for outlier detection.</summary>
    [Id(7)] public ImmutableArray<EndpointOutcomes> Endpoints { get; init; } = [];

    /// <summary>How many endpoints the destination has in the gateway's snapshot (for Istio's ejection percentages).</summary>
    [Id(8)] public int EndpointCount { get; init; }
}
