namespace OrleansMesh.Gateway.Snapshot;

/// <summary>
/// Holds the <see cref="GatewaySnapshot"/> being served. Requests read it without a lock; a config push replaces it with
/// one reference write, so routing and security always change together. Requests already holding the old snapshot
/// finish with it.
/// </summary>
internal sealed class GatewaySnapshotStore
{
    private volatile GatewaySnapshot _current = GatewaySnapshot.Empty;

    public GatewaySnapshot Current => _current;

    /// <summary>True once a snapshot from the control plane is held (the gateway is ready).</summary>
    public bool IsLoaded => _current.IsLoaded;

    public void Swap(GatewaySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _current = snapshot;
    }
}
