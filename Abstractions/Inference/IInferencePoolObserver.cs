using Orleans.Concurrency;

namespace OrleansMesh.Inference;

/// <summary>
/// A gateway's end of a pool's load: the grain pushes each scrape's result, and every change of the requests in flight
/// through all gateways, to every gateway reporting to it.
/// </summary>
[Alias("om.IInferencePoolObserver")]
public interface IInferencePoolObserver : IGrainObserver
{
    /// <summary>Receives the pool's latest load; one-way, so a slow gateway never holds up the grain.</summary>
    [OneWay, Alias("OnPoolLoad")]
    Task OnPoolLoadAsync(PoolLoad load);

    /// <summary>Receives the requests in flight to each member through all gateways; one-way.</summary>
    [OneWay, Alias("OnInFlight")]
    Task OnInFlightAsync(PoolInFlight inFlight);
}
