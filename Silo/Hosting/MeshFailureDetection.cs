using Orleans.Configuration;

namespace OrleansMesh.Silo.Hosting;

/// <summary>
/// The failure-detection presets of <see cref="MeshSiloOptions.FailureDetection"/>. A silo probes a few others
/// every <see cref="ClusterMembershipOptions.ProbeTimeout"/>; after <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/>
/// missed probes it votes the silo dead in the membership table, and enough votes declare it dead.
/// </summary>
internal static class MeshFailureDetection
{
    /// <summary>Fast: probe every second.</summary>
    public static readonly TimeSpan FastProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Fast: three missed probes (about 3 s) make a silo suspect.</summary>
    public const int FastMissedProbesLimit = 3;

    /// <summary>Fast: re-read the membership table every 2 s, so a declaration is seen quickly by every silo.</summary>
    public static readonly TimeSpan FastTableRefreshTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a killed silo stays alive in the membership table under <c>Fast</c>: probes and votes take about
    /// 3–5 s; the rest is room for a busy 2-core machine.
    /// </summary>
    public static readonly TimeSpan FastDeathDeclarationBound = TimeSpan.FromSeconds(10);

    /// <summary>Applies <paramref name="preset"/> (a validated <see cref="MeshSiloOptions.FailureDetection"/>).</summary>
    public static void Apply(ClusterMembershipOptions options, string preset)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(preset, MeshSiloDefaults.FastFailureDetection, StringComparison.OrdinalIgnoreCase))
        {
            return; // Production: Orleans' defaults (probe 5 s × 3 missed, table refresh 60 s, dead entries kept 7 days).
        }

        options.ProbeTimeout = FastProbeTimeout;
        options.NumMissedProbesLimit = FastMissedProbesLimit;
        options.TableRefreshTimeout = FastTableRefreshTimeout;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);

        // Test machines restart silos all day; dead entries need not be kept for a week.
        options.DefunctSiloExpiration = TimeSpan.FromMinutes(10);
        options.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(1);
    }
}
