namespace OrleansMesh.Gateway.Security;

/// <summary>Holds the current <see cref="SecuritySnapshot"/>; requests read it without a lock, a push swaps it whole.</summary>
internal sealed class SecuritySnapshotStore
{
    private volatile SecuritySnapshot _current = SecuritySnapshot.Empty;

    public SecuritySnapshot Current => _current;

    public void Swap(SecuritySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _current = snapshot;
    }
}
