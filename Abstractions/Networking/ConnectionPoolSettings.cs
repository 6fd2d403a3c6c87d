namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConnectionPoolSettings</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.ConnectionPoolSettings")]
public sealed record ConnectionPoolSettings
{
    /// <summary>TCP-level limits.</summary>
    [Id(0)] public TcpSettings? Tcp { get; init; }

    /// <summary>HTTP-level limits.</summary>
    [Id(1)] public HttpSettings? Http { get; init; }
}
