using System.Collections.Immutable;

namespace OrleansMesh.GatewayApi;

/// <summary>The <c>spec</c> of an <see cref="HttpRouteResource"/>, by the Gateway API's field names.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRouteSpec")]
public sealed record HttpRouteSpec
{
    /// <summary><c>parentRefs</c>: the Gateways (and their listeners) the route attaches to.</summary>
    [Id(0)] public ImmutableArray<ParentReference> ParentRefs { get; init; } = [];

    /// <summary><c>hostnames</c>: exact or <c>*.suffix</c>; empty takes the listener's hostname (or every host).</summary>
    [Id(1)] public ImmutableArray<string> Hostnames { get; init; } = [];

    /// <summary><c>rules</c>.</summary>
    [Id(2)] public ImmutableArray<HttpRouteRule> Rules { get; init; } = [];
}
