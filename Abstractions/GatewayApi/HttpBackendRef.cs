using System.Collections.Immutable;

namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPBackendRef</c>: a Service, an Istio <c>Hostname</c> or an <c>InferencePool</c>, with a weight.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpBackendRef")]
public sealed record HttpBackendRef
{
    /// <summary><c>group</c>: empty (core) for a Service, <c>inference.networking.k8s.io</c> for a pool, <c>networking.istio.io</c> for a Hostname.</summary>
    [Id(0)] public string? Group { get; init; }

    /// <summary><c>kind</c>: <c>Service</c> (the default), <c>InferencePool</c> or <c>Hostname</c>.</summary>
    [Id(1)] public string? Kind { get; init; }

    /// <summary><c>name</c>.</summary>
    [Id(2)] public string Name { get; init; } = "";

    /// <summary><c>namespace</c>; default: the route's.</summary>
    [Id(3)] public string? Namespace { get; init; }

    /// <summary><c>port</c>: required for a Service; a pool uses its target port.</summary>
    [Id(4)] public uint? Port { get; init; }

    /// <summary><c>weight</c>; default 1, 0 takes no traffic.</summary>
    [Id(5)] public int? Weight { get; init; }

    /// <summary><c>filters</c> applied when this backend is picked (header modifiers).</summary>
    [Id(6)] public ImmutableArray<HttpRouteFilter> Filters { get; init; } = [];
}
