using System.Collections.Immutable;

namespace OrleansMesh.Resilience;

/// <summary>
/// The cluster-wide state of a destination, as its health grain decided it: what every gateway enforces.
/// Times are relative (time left) so gateways do not depend on the silo's clock.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.DestinationHealth")]
public sealed record DestinationHealth
{
    /// <summary>The destination key (<see cref="DestinationKey"/>).</summary>
    [Id(0)] public string Destination { get; init; } = "";

    /// <summary>Grows with every change; a gateway ignores a view older than the one it holds.</summary>
    [Id(1)] public long Version { get; init; }

    /// <summary>The breaker's state.</summary>
    [Id(2)] public BreakerState State { get; init; }

    /// <summary>
    /// In <see cref="BreakerState.Open"/>, the time left before probes are granted. Under
    /// <see cref="BreakerOverride.ForcedOpen"/> it is the whole break duration on every view (no probes are granted).
    /// </summary>
    [Id(3)] public TimeSpan OpenRemaining { get; init; }

    /// <summary>Endpoints out of load balancing, by address; empty while outlier detection panics (<c>minHealthPercent</c>).</summary>
    [Id(4)] public ImmutableArray<EjectedEndpoint> Ejected { get; init; } = [];

    /// <summary>Why the breaker is in its state, for error bodies and logs (e.g. "62% of 26 requests failed in 10s").</summary>
    [Id(5)] public string? Reason { get; init; }

    /// <summary>The operator's hold, if any.</summary>
    [Id(6)] public BreakerOverride Override { get; init; }

    /// <summary>The grain's incarnation: versions restart when the grain is re-activated, so gateways compare them only within one.</summary>
    [Id(7)] public Guid Incarnation { get; init; }
}
