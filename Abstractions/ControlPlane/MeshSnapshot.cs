using System.Collections.Immutable;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Security;

namespace OrleansMesh.ControlPlane;

/// <summary>The whole routing config of the mesh at one generation.</summary>
[GenerateSerializer, Immutable, Alias("om.MeshSnapshot")]
public sealed record MeshSnapshot
{
    /// <summary>The mesh config generation.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>One table per host.</summary>
    [Id(1)] public ImmutableArray<RouteTable> Tables { get; init; } = [];

    /// <summary>The Gateway resources.</summary>
    [Id(2)] public ImmutableArray<Gateway> Gateways { get; init; } = [];

    /// <summary>The config store's epoch (see <see cref="MeshVersion"/>).</summary>
    [Id(3)] public Guid Epoch { get; init; }

    /// <summary>The RequestAuthentication resources (mesh-wide policy, so carried whole like <see cref="Gateways"/>).</summary>
    [Id(4)] public ImmutableArray<RequestAuthentication> RequestAuthentications { get; init; } = [];

    /// <summary>The AuthorizationPolicy resources.</summary>
    [Id(5)] public ImmutableArray<AuthorizationPolicy> AuthorizationPolicies { get; init; } = [];

    /// <summary>The PeerAuthentication resources.</summary>
    [Id(6)] public ImmutableArray<PeerAuthentication> PeerAuthentications { get; init; } = [];

    /// <summary>The live weights Rollouts have set on the routes of their hosts (<see cref="LiveWeightOverlay"/>).</summary>
    [Id(7)] public ImmutableArray<LiveWeight> LiveWeights { get; init; } = [];

    /// <summary>Epoch and generation together.</summary>
    public MeshVersion Version => new(Epoch, Generation);
}
