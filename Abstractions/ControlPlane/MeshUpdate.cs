using System.Collections.Immutable;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Security;

namespace OrleansMesh.ControlPlane;

/// <summary>
/// A change pushed to gateways: the tables that changed since <see cref="BaseGeneration"/>.
/// A gateway whose generation is not <see cref="BaseGeneration"/> missed a push and pulls a full snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.MeshUpdate")]
public sealed record MeshUpdate
{
    /// <summary>The generation this update brings the gateway to.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>The generation the update applies on top of.</summary>
    [Id(1)] public long BaseGeneration { get; init; }

    /// <summary>Tables created or changed.</summary>
    [Id(2)] public ImmutableArray<RouteTable> Changed { get; init; } = [];

    /// <summary>Hosts whose tables are now empty.</summary>
    [Id(3)] public ImmutableArray<string> Removed { get; init; } = [];

    /// <summary>All Gateway resources (few and small, so always sent whole).</summary>
    [Id(4)] public ImmutableArray<Gateway> Gateways { get; init; } = [];

    /// <summary>When the control plane committed the change; the gateway measures push delay from it.</summary>
    [Id(5)] public DateTimeOffset CommittedAt { get; init; }

    /// <summary>The config store's epoch; an update of another epoch than the gateway's never applies as a delta.</summary>
    [Id(6)] public Guid Epoch { get; init; }

    /// <summary>All RequestAuthentication resources (mesh-wide policy, always sent whole like <see cref="Gateways"/>).</summary>
    [Id(7)] public ImmutableArray<RequestAuthentication> RequestAuthentications { get; init; } = [];

    /// <summary>All AuthorizationPolicy resources.</summary>
    [Id(8)] public ImmutableArray<AuthorizationPolicy> AuthorizationPolicies { get; init; } = [];

    /// <summary>All PeerAuthentication resources.</summary>
    [Id(9)] public ImmutableArray<PeerAuthentication> PeerAuthentications { get; init; } = [];

    /// <summary>All live weights Rollouts have set (few and small, always sent whole).</summary>
    [Id(10)] public ImmutableArray<LiveWeight> LiveWeights { get; init; } = [];
}
