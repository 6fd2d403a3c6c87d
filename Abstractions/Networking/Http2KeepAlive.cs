namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConnectionPoolSettings.HTTPSettings.ConnectionKeepalive</c>: HTTP/2 PING frames on upstream connections.</summary>
[GenerateSerializer, Immutable, Alias("om.Http2KeepAlive")]
public sealed record Http2KeepAlive
{
    /// <summary>Send a PING frame at this interval (required).</summary>
    [Id(0)] public TimeSpan? Interval { get; init; }

    /// <summary>Close the connection when a PING is not answered within this time (required).</summary>
    [Id(1)] public TimeSpan? Timeout { get; init; }
}
