using Orleans.Concurrency;

namespace OrleansMesh.Inference;

/// <summary>
/// The endpoint picker's shared state for one InferencePool (key: the pool host): scrapes every member's metrics on a
/// timer while gateways report, adds up what every gateway sent since, keeps the cluster-wide prefix index, and pushes
/// it all to every gateway. Gateways never call it per request.
/// </summary>
[Alias("om.IInferencePoolGrain")]
public interface IInferencePoolGrain : IGrainWithStringKey
{
    /// <summary>Adds a gateway's dispatches and prefix hints, takes its member list, and subscribes its observer.</summary>
    [Alias("Report")]
    Task ReportAsync(PoolDispatchReport report);

    /// <summary>
    /// Takes a gateway's requests in flight to each member and passes the new sums on to every gateway at once (at
    /// most every push interval). One-way: the gateway never waits for it.
    /// </summary>
    [OneWay, Alias("ReportInFlight")]
    Task ReportInFlightAsync(PoolInFlightReport report);

    /// <summary>The pool's current load, as last pushed (for <c>meshctl describe pool</c>).</summary>
    [Alias("Get")]
    Task<PoolLoad> GetAsync();
}
