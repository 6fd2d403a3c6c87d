namespace OrleansMesh.GatewayApi;

/// <summary>A <c>RouteGroupKind</c> in <c>allowedRoutes.kinds</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.RouteGroupKind")]
public sealed record RouteGroupKind
{
    /// <summary><c>group</c>; default <c>gateway.networking.k8s.io</c>.</summary>
    [Id(0)] public string? Group { get; init; }

    /// <summary><c>kind</c>.</summary>
    [Id(1)] public string Kind { get; init; } = "";
}
