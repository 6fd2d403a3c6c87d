namespace OrleansMesh.Networking;

/// <summary>Istio <c>ServiceEntry</c>: an entry of the service registry.</summary>
[GenerateSerializer, Immutable, Alias("om.ServiceEntry")]
public sealed record ServiceEntry : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.ServiceEntry;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public ServiceEntrySpec Spec { get; init; } = new();
}
