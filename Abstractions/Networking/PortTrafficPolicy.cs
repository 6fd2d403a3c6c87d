namespace OrleansMesh.Networking;

/// <summary>Istio <c>TrafficPolicy.PortTrafficPolicy</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.PortTrafficPolicy")]
public sealed record PortTrafficPolicy
{
    /// <summary>The service port the settings apply to.</summary>
    [Id(0)] public uint? Port { get; init; }

    /// <summary>How an endpoint is picked.</summary>
    [Id(1)] public LoadBalancerSettings? LoadBalancer { get; init; }

    /// <summary>Connection and request limits.</summary>
    [Id(2)] public ConnectionPoolSettings? ConnectionPool { get; init; }

    /// <summary>Ejection of failing endpoints.</summary>
    [Id(3)] public OutlierDetection? OutlierDetection { get; init; }

    /// <summary>TLS towards the endpoints.</summary>
    [Id(4)] public ClientTlsSettings? Tls { get; init; }
}
