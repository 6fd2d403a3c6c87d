namespace OrleansMesh.Resilience;

/// <summary>
/// Owns one destination's circuit breaker and its endpoints' outlier state for the whole cluster, so every gateway
/// enforces one decision. Keyed by <see cref="DestinationKey"/>. Gateways report outcomes in batches, never per request.
/// </summary>
[Alias("om.IDestinationHealthGrain")]
public interface IDestinationHealthGrain : IGrainWithStringKey
{
    /// <summary>Adds a gateway's outcomes and returns the resulting state; state changes are also pushed to every reporting gateway.</summary>
    [Alias("Report")]
    Task<DestinationHealth> ReportAsync(HealthReport report);

    /// <summary>In the half-open state, grants up to <paramref name="wanted"/> of the probe permits left cluster-wide.</summary>
    [Alias("RequestProbes")]
    Task<ProbeGrant> RequestProbesAsync(string gatewayId, int wanted);

    /// <summary>Returns the current state.</summary>
    [Alias("Get")]
    Task<DestinationHealth> GetAsync();

    /// <summary>Holds the breaker open or closed, or releases the hold and resets it to closed with an empty window.</summary>
    [Alias("Override")]
    Task<DestinationHealth> OverrideAsync(BreakerOverride hold);
}
