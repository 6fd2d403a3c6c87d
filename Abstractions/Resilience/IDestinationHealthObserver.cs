using Orleans.Concurrency;

namespace OrleansMesh.Resilience;

/// <summary>A gateway's end of a destination's health state: the grain pushes every change to the gateways reporting to it.</summary>
[Alias("om.IDestinationHealthObserver")]
public interface IDestinationHealthObserver : IGrainObserver
{
    /// <summary>Receives a new state; one-way, so a slow gateway never holds up the grain.</summary>
    [OneWay, Alias("OnHealthChanged")]
    Task OnHealthChangedAsync(DestinationHealth health);
}
