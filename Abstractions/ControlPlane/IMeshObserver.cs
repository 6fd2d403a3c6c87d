using Orleans.Concurrency;

namespace OrleansMesh.ControlPlane;

/// <summary>A gateway's subscription to config changes.</summary>
[Alias("om.IMeshObserver")]
public interface IMeshObserver : IGrainObserver
{
    /// <summary>Receives a config change; one-way, so a slow gateway never holds up the control plane.</summary>
    [OneWay, Alias("OnMeshUpdated")]
    Task OnMeshUpdatedAsync(MeshUpdate update);
}
