using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Grains.Config;

/// <summary>The persisted state of the mesh config grain: the source of truth every route table is derived from.</summary>
[GenerateSerializer, Alias("om.MeshConfigState")]
internal sealed class MeshConfigState
{
    /// <summary>Every stored resource.</summary>
    [Id(0)] public Dictionary<ResourceId, StoredResource> Resources { get; set; } = [];

    /// <summary>The mesh config generation; bumped once per commit that changes anything.</summary>
    [Id(1)] public long Generation { get; set; }

    /// <summary>Hosts whose route tables are not empty (lower-case).</summary>
    [Id(2)] public HashSet<string> Hosts { get; set; } = [];

    /// <summary>The last <see cref="StoredResource.CreatedRevision"/> handed out.</summary>
    [Id(3)] public long LastRevision { get; set; }

    /// <summary>
    /// Hosts whose route tables the last commit rewrote. The route tables are written after this state,
    /// so these are rewritten again (idempotently) after an activation in case that step was cut short.
    /// </summary>
    [Id(4)] public HashSet<string> PendingHosts { get; set; } = [];

    /// <summary>
    /// Drawn once when the store is new and kept by every commit, so a gateway tells a lost and restarted store
    /// (whose generations start again at 0) from the one it synced with. <see cref="Guid.Empty"/> in a state
    /// that was never written; the activation draws one and the first commit persists it.
    /// </summary>
    [Id(5)] public Guid Epoch { get; set; }

    /// <summary>
    /// The route-table format the stored tables were written in (<see cref="MeshConfigGrain.CurrentTableFormat"/>);
    /// 0 in a state stored before the format was recorded. Tables of an older format are all rewritten on activation.
    /// </summary>
    [Id(6)] public int TableFormat { get; set; }

    /// <summary>The splits Rollouts have set, by Rollout; pushed to gateways beside the VirtualServices, which stay as written.</summary>
    [Id(7)] public Dictionary<ResourceId, LiveWeight> LiveWeights { get; set; } = [];
}
