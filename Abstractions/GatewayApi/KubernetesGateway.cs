using OrleansMesh.Networking;

namespace OrleansMesh.GatewayApi;

/// <summary>
/// Gateway API <c>Gateway</c> (<c>gateway.networking.k8s.io/v1</c>): listeners that HTTPRoutes attach to. Every
/// OrleansMesh gateway serves every listener (there is no deployment per Gateway); a listener's <c>hostname</c> limits
/// the hosts its routes take, as Istio's translation into a <c>networking.istio.io</c> Gateway does.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.KubernetesGateway")]
public sealed record KubernetesGateway : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.KubernetesGateway;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public KubernetesGatewaySpec Spec { get; init; } = new();
}
