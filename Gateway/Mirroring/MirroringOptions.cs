using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Mirroring;

/// <summary>Limits of shadow traffic, from the <c>OrleansMesh:Gateway:Mirroring</c> section.</summary>
internal sealed class MirroringOptions
{
    public const string SectionName = "OrleansMesh:Gateway:Mirroring";

    /// <summary>
    /// Mirrored requests in flight at once on this gateway, over all routes. Default: 64. A copy that would exceed it is
    /// dropped and counted (<c>orleansmesh_mirror_dropped_total{reason="overflow"}</c>), never queued. 0 mirrors nothing.
    /// </summary>
    [Range(0, 100_000)]
    public int MaxConcurrentMirrors { get; set; } = 64;

    /// <summary>
    /// How long a mirrored request may take, its response body included, when its route has no <c>timeout</c>
    /// (a route's timeout applies to its mirrors too). Default: 60 s, long enough for a streamed completion.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
