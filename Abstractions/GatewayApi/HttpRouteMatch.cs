using System.Collections.Immutable;

namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPRouteMatch</c>: every condition set must hold.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRouteMatch")]
public sealed record HttpRouteMatch
{
    /// <summary><c>path</c>; default: <c>PathPrefix</c> <c>/</c>.</summary>
    [Id(0)] public HttpPathMatch? Path { get; init; }

    /// <summary><c>headers</c>.</summary>
    [Id(1)] public ImmutableArray<HttpValueMatch> Headers { get; init; } = [];

    /// <summary><c>queryParams</c>.</summary>
    [Id(2)] public ImmutableArray<HttpValueMatch> QueryParams { get; init; } = [];

    /// <summary><c>method</c>.</summary>
    [Id(3)] public string? Method { get; init; }
}
