using System.Collections.Immutable;
using OrleansMesh.Networking;

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

    /// <summary>Epoch and generation together.</summary>
    public MeshVersion Version => new(Epoch, Generation);
}
