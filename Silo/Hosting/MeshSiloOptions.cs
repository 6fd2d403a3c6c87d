using OrleansMesh.Hosting;

namespace OrleansMesh.Silo.Hosting;

/// <summary>
/// What only a silo needs, bound from the <c>OrleansMesh</c> configuration section; how it joins the cluster is in
/// <see cref="MeshClusterOptions"/>, bound from the same section.
/// </summary>
public sealed class MeshSiloOptions
{
    /// <summary>The configuration section the options are bound from: <c>OrleansMesh</c>.</summary>
    public const string SectionName = MeshClusterOptions.SectionName;

    /// <summary>
    /// Where grain state is kept: <c>Sqlite</c> (a file under <see cref="DataDirectory"/>, survives restarts, one
    /// silo only), <c>Redis</c> (<see cref="MeshClusterOptions.Redis"/>, shared by every silo) or <c>Memory</c>
    /// (lost on exit). Default: <c>Redis</c> when clustering is <c>Redis</c> or <c>Kubernetes</c>, else <c>Sqlite</c>.
    /// Env: <c>OrleansMesh__Storage</c>.
    /// </summary>
    public string? Storage { get; set; }

    /// <summary>
    /// The directory of the SQLite database (<c>mesh.db</c>); relative paths are resolved against the content root.
    /// Default: <c>.mesh</c>. Env: <c>OrleansMesh__DataDirectory</c>.
    /// </summary>
    public string DataDirectory { get; set; } = MeshSiloDefaults.DataDirectory;

    /// <summary>
    /// The IP address a <c>Redis</c>-clustered silo advertises to other silos and clients (and listens on; a
    /// non-loopback address listens on all interfaces). <c>Kubernetes</c> uses the pod IP instead; <c>Localhost</c>
    /// always 127.0.0.1. Default: <c>127.0.0.1</c>. Env: <c>OrleansMesh__AdvertisedAddress</c>.
    /// </summary>
    public string AdvertisedAddress { get; set; } = MeshSiloDefaults.AdvertisedAddress;

    /// <summary>
    /// How quickly a silo that stopped answering (killed, partitioned) is declared dead and its grains reactivate
    /// elsewhere: <c>Production</c> (Orleans' defaults, tolerant of long pauses) or <c>Fast</c> (dev and tests: a
    /// few seconds; see <see cref="MeshFailureDetection"/>). Fine-tune with <c>OrleansMesh__Membership__*</c>,
    /// bound to Orleans' <c>ClusterMembershipOptions</c> after the preset. Default: <c>Production</c>.
    /// Env: <c>OrleansMesh__FailureDetection</c>.
    /// </summary>
    public string FailureDetection { get; set; } = MeshSiloDefaults.FailureDetection;

    /// <summary>
    /// Whether a peer silo whose endpoint refuses connections (its process is gone, its host is up) is declared dead
    /// within about a second, whatever <see cref="FailureDetection"/> says; a paused or unreachable silo is still left
    /// to Orleans' probes (see <c>RefusedPeerDetector</c>). Default: <c>true</c>. Env: <c>OrleansMesh__RefusalDetection</c>.
    /// </summary>
    public bool RefusalDetection { get; set; } = true;

    /// <summary>The storage provider in effect: <see cref="Storage"/>, or its default for <paramref name="cluster"/>.</summary>
    public string EffectiveStorage(MeshClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return !string.IsNullOrWhiteSpace(Storage) ? Storage
            : cluster.UsesRedis() ? MeshSiloDefaults.RedisStorage
            : MeshSiloDefaults.SqliteStorage;
    }
}
