namespace OrleansMesh.Networking;

/// <summary>Istio <c>WorkloadEntry</c>: a workload outside Kubernetes.</summary>
[GenerateSerializer, Immutable, Alias("om.WorkloadEntry")]
public sealed record WorkloadEntry : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.WorkloadEntry;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public WorkloadEntrySpec Spec { get; init; } = new();
}
