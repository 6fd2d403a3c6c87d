using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>The spec of a <see cref="Gateway"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.GatewaySpec")]
public sealed record GatewaySpec
{
    /// <summary>Labels of the gateway workloads this applies to.</summary>
    [Id(0)] public ImmutableDictionary<string, string> Selector { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The listeners.</summary>
    [Id(1)] public ImmutableArray<GatewayServer> Servers { get; init; } = [];
}
