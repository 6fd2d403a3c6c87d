namespace OrleansMesh.Gateway.Snapshot;

/// <summary>
/// A compiled <see cref="GatewaySnapshot"/> not served yet, and what the caches that outlive snapshots must learn once
/// it is: which endpoints, clusters, regexes and JWKS to forget, the health registry's new parameters, when endpoints
/// joined (slow start). <see cref="Commit"/> runs after the swap, so neither a failed compile nor the window before the
/// swap changes anything a served snapshot relies on.
/// </summary>
internal sealed class CompiledSnapshot(GatewaySnapshot snapshot, Action commitRouting, Action commitSecurity)
{
    public GatewaySnapshot Snapshot { get; } = snapshot;

    /// <summary>Call once, after <see cref="Snapshot"/> was swapped in.</summary>
    public void Commit()
    {
        commitRouting();
        commitSecurity();
    }
}
