namespace OrleansMesh.Networking;

/// <summary>Istio <c>Gateway</c> (networking.istio.io): the listeners of an ingress gateway.</summary>
[GenerateSerializer, Immutable, Alias("om.Gateway")]
public sealed record Gateway : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.Gateway;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public GatewaySpec Spec { get; init; } = new();
}
