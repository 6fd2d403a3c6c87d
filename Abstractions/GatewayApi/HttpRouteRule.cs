using System.Collections.Immutable;

namespace OrleansMesh.GatewayApi;

/// <summary>One of an HTTPRoute's <c>rules</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRouteRule")]
public sealed record HttpRouteRule
{
    /// <summary><c>name</c>, used in route names.</summary>
    [Id(0)] public string? Name { get; init; }

    /// <summary><c>matches</c>, ORed; empty means one match of path prefix <c>/</c>.</summary>
    [Id(1)] public ImmutableArray<HttpRouteMatch> Matches { get; init; } = [];

    /// <summary><c>filters</c>, applied to every request the rule takes.</summary>
    [Id(2)] public ImmutableArray<HttpRouteFilter> Filters { get; init; } = [];

    /// <summary><c>backendRefs</c> with their weights.</summary>
    [Id(3)] public ImmutableArray<HttpBackendRef> BackendRefs { get; init; } = [];

    /// <summary><c>timeouts</c>.</summary>
    [Id(4)] public HttpRouteTimeouts? Timeouts { get; init; }
}
