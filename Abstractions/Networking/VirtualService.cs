namespace OrleansMesh.Networking;

/// <summary>Istio <c>VirtualService</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.VirtualService")]
public sealed record VirtualService : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.VirtualService;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public VirtualServiceSpec Spec { get; init; } = new();
}
