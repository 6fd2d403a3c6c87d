using Orleans.Storage;
using OrleansMesh.Grains.Routing;

namespace OrleansMesh.Grains.Tests.Storage;

/// <summary>Another provider's storage, except that route-table writes fail while <see cref="StorageFaults"/> says so.</summary>
internal sealed class FaultyGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (typeof(T) == typeof(RouteTableState) && faults.FailRouteTableWrites)
        {
            faults.Failed(grainId.Key.ToString()!);
            return Task.FromException(new IOException($"Injected fault: cannot write {stateName} of {grainId}."));
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
