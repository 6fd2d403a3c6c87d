using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>The spec of a <see cref="VirtualService"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.VirtualServiceSpec")]
public sealed record VirtualServiceSpec
{
    /// <summary>Destination hosts the rules apply to: exact names, <c>*</c> or <c>*.suffix</c>.</summary>
    [Id(0)] public ImmutableArray<string> Hosts { get; init; } = [];

    /// <summary>Gateways the rules apply to; empty means the mesh (<c>mesh</c>) only, as in Istio.</summary>
    [Id(1)] public ImmutableArray<string> Gateways { get; init; } = [];

    /// <summary>HTTP routes, evaluated in order; the first match wins.</summary>
    [Id(2)] public ImmutableArray<HttpRoute> Http { get; init; } = [];

    /// <summary>Namespaces the service is visible to. Stored; OrleansMesh has one visibility scope.</summary>
    [Id(3)] public ImmutableArray<string> ExportTo { get; init; } = [];
}
