namespace OrleansMesh.ControlPlane;

/// <summary>
/// Identifies a config state: <see cref="Epoch"/> is drawn once when the control plane's config store is created, so a
/// store that was lost and started again (memory storage, a deleted database) is told apart even when its
/// <see cref="Generation"/> happens to equal the one a gateway holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.MeshVersion")]
public readonly record struct MeshVersion(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Generation);
