using System.Collections.Immutable;

namespace OrleansMesh.GatewayApi;

/// <summary>A listener's <c>allowedRoutes</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.AllowedRoutes")]
public sealed record AllowedRoutes
{
    /// <summary><c>namespaces.from</c>: <c>Same</c> (the default) or <c>All</c>.</summary>
    [Id(0)] public string? From { get; init; }

    /// <summary><c>kinds</c>; empty: the listener protocol's kinds (HTTPRoute).</summary>
    [Id(1)] public ImmutableArray<RouteGroupKind> Kinds { get; init; } = [];
}
