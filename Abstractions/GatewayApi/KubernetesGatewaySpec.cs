using System.Collections.Immutable;

namespace OrleansMesh.GatewayApi;

/// <summary>The <c>spec</c> of a <see cref="KubernetesGateway"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.KubernetesGatewaySpec")]
public sealed record KubernetesGatewaySpec
{
    /// <summary><c>gatewayClassName</c>: stored; every class is served by the mesh's gateways.</summary>
    [Id(0)] public string GatewayClassName { get; init; } = "";

    /// <summary><c>listeners</c>.</summary>
    [Id(1)] public ImmutableArray<GatewayListener> Listeners { get; init; } = [];
}
