using System.Collections.Immutable;
using OrleansMesh.Resilience;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>TrafficPolicy</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.TrafficPolicy")]
public sealed record TrafficPolicy
{
    /// <summary>How an endpoint is picked.</summary>
    [Id(0)] public LoadBalancerSettings? LoadBalancer { get; init; }

    /// <summary>Connection and request limits.</summary>
    [Id(1)] public ConnectionPoolSettings? ConnectionPool { get; init; }

    /// <summary>Ejection of failing endpoints.</summary>
    [Id(2)] public OutlierDetection? OutlierDetection { get; init; }

    /// <summary>TLS towards the endpoints.</summary>
    [Id(3)] public ClientTlsSettings? Tls { get; init; }

    /// <summary>Per-port overrides.</summary>
    [Id(4)] public ImmutableArray<PortTrafficPolicy> PortLevelSettings { get; init; } = [];

    /// <summary>OrleansMesh's additions (<c>x-orleansmesh</c>): cluster-wide circuit breaker and rate limits.</summary>
    [Id(5)] public MeshTrafficPolicy? Mesh { get; init; }
}
