namespace OrleansMesh.Gateway.Routing;

/// <summary>
/// Holds the current <see cref="RoutingSnapshot"/>. Requests read it without a lock; a config push swaps it whole,
/// so a request sees one generation from start to end.
/// </summary>
internal sealed class RoutingSnapshotStore
{
    private volatile RoutingSnapshot _current = RoutingSnapshot.Empty;
    private volatile bool _loaded;

    public RoutingSnapshot Current => _current;

    /// <summary>True once a snapshot from the control plane is held (the gateway is ready).</summary>
    public bool IsLoaded => _loaded;

    /// <summary>Swaps in a new snapshot; requests already holding the old one finish with it.</summary>
    public void Swap(RoutingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _current = snapshot;
        _loaded = true;
    }
}
