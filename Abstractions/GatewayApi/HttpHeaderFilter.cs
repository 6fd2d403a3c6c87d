using System.Collections.Immutable;

namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPHeaderFilter</c>: set, add and remove headers.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpHeaderFilter")]
public sealed record HttpHeaderFilter
{
    /// <summary><c>set</c>: overwrite.</summary>
    [Id(0)] public ImmutableArray<HttpHeaderValue> Set { get; init; } = [];

    /// <summary><c>add</c>: append.</summary>
    [Id(1)] public ImmutableArray<HttpHeaderValue> Add { get; init; } = [];

    /// <summary><c>remove</c>.</summary>
    [Id(2)] public ImmutableArray<string> Remove { get; init; } = [];
}
