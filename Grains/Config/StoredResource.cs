using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Config;

/// <summary>A resource as the config grain stores it: with when it was first created.</summary>
[GenerateSerializer, Immutable, Alias("om.StoredResource")]
internal sealed record StoredResource
{
    /// <summary>The resource, as last applied.</summary>
    [Id(0)] public MeshResource Resource { get; init; } = null!;

    /// <summary>
    /// Counts creations across the mesh; kept when the resource is reconfigured. Orders VirtualServices
    /// of one host the way Istio merges them: oldest first.
    /// </summary>
    [Id(1)] public long CreatedRevision { get; init; }

    /// <summary>When the resource was first created.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }
}
