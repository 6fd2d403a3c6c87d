using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Routing;

/// <summary>
/// Holds one host's route table (key = lower-case host). The table is derived: the config grain rebuilds
/// and replaces it on every change that touches the host, so this grain only stores and versions it.
/// </summary>
internal sealed class RouteTableGrain(
    [PersistentState("routeTable", MeshStorage.Name)] IPersistentState<RouteTableState> state)
    : Grain, IRouteTableGrain
{
    public Task<RouteTable> GetAsync() => Task.FromResult(Current);

    public async Task<RouteTable> ReplaceAsync(RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var current = Current;
        var candidate = table with { Host = current.Host, Generation = current.Generation };
        if (ContentEquality.AreEqual(candidate, current))
        {
            return current;
        }

        var previous = state.State.Table;
        state.State.Table = candidate with { Generation = current.Generation + 1 };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Keep memory equal to storage, so a retry writes (and bumps) again.
            state.State.Table = previous;
            throw;
        }

        return state.State.Table;
    }

    private RouteTable Current => state.State.Table ?? new RouteTable { Host = this.GetPrimaryKeyString() };
}
