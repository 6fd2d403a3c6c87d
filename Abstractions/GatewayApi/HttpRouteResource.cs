using OrleansMesh.Networking;

namespace OrleansMesh.GatewayApi;

/// <summary>
/// Gateway API <c>HTTPRoute</c> (<c>gateway.networking.k8s.io/v1</c>), as Istio implements it: the control plane
/// translates it into VirtualService rules on the hosts its parent Gateways' listeners serve
/// (<see cref="GatewayApiTranslator"/>), so every gateway feature applies to it.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.HttpRouteResource")]
public sealed record HttpRouteResource : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.HTTPRoute;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public HttpRouteSpec Spec { get; init; } = new();
}
