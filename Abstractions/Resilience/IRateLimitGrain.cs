namespace OrleansMesh.Resilience;

/// <summary>
/// Owns one cluster-wide token bucket. Gateways lease tokens in batches and return what they do not use,
/// so no gateway calls it per request and the limit holds across the cluster.
/// </summary>
[Alias("om.IRateLimitGrain")]
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Takes up to <see cref="LeaseRequest.Wanted"/> tokens (after settling what is owed and returned).</summary>
    [Alias("Lease")]
    Task<TokenLease> LeaseAsync(LeaseRequest request);
}
