namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConnectionPoolSettings.HTTPSettings</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpSettings")]
public sealed record HttpSettings
{
    /// <summary>Maximum requests waiting for a connection.</summary>
    [Id(0)] public int? Http1MaxPendingRequests { get; init; }

    /// <summary>Maximum active requests to a destination.</summary>
    [Id(1)] public int? Http2MaxRequests { get; init; }

    /// <summary>Requests per connection before it is closed; 1 disables keep-alive.</summary>
    [Id(2)] public int? MaxRequestsPerConnection { get; init; }

    /// <summary>Maximum outstanding retries to a destination.</summary>
    [Id(3)] public int? MaxRetries { get; init; }

    /// <summary>Idle timeout of upstream connections.</summary>
    [Id(4)] public TimeSpan? IdleTimeout { get; init; }

    /// <summary><c>DEFAULT</c>, <c>DO_NOT_UPGRADE</c> or <c>UPGRADE</c>.</summary>
    [Id(5)] public string? H2UpgradePolicy { get; init; }

    /// <summary>Use the client's protocol towards the upstream.</summary>
    [Id(6)] public bool? UseClientProtocol { get; init; }

    /// <summary>Maximum concurrent HTTP/2 streams per connection.</summary>
    [Id(7)] public int? MaxConcurrentStreams { get; init; }

    /// <summary>HTTP/2 PING frames on upstream connections, to find dead ones.</summary>
    [Id(8)] public Http2KeepAlive? Http2KeepAlive { get; init; }
}
