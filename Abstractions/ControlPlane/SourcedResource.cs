using OrleansMesh.Networking;

namespace OrleansMesh.ControlPlane;

/// <summary>A resource with where it was read from, so the control plane's diagnostics can name the file.</summary>
[GenerateSerializer, Immutable, Alias("om.SourcedResource")]
public sealed record SourcedResource
{
    /// <summary>The resource.</summary>
    [Id(0)] public MeshResource Resource { get; init; } = null!;

    /// <summary>Where it came from, if known.</summary>
    [Id(1)] public ResourceOrigin? Origin { get; init; }
}
