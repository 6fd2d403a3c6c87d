namespace OrleansMesh.Resilience;

/// <summary>Which failures of a route's destination send the request on to the next fallback destination.</summary>
[Flags]
public enum FallbackConditions
{
    /// <summary>Nothing falls back.</summary>
    None = 0,

    /// <summary>Any 5xx response from the destination (after its retries).</summary>
    ServerError = 1,

    /// <summary>502, 503 and 504 from the destination (a subset of <see cref="ServerError"/>).</summary>
    GatewayError = 2,

    /// <summary>No connection could be made, or the destination has no endpoint in service.</summary>
    ConnectFailure = 4,

    /// <summary>The connection was reset or closed before the response headers.</summary>
    Reset = 8,

    /// <summary>The per-try or route timeout ran out.</summary>
    Timeout = 16,

    /// <summary>The destination's circuit breaker is open, or its connection pool is full (Envoy's overflow).</summary>
    CircuitOpen = 32,

    /// <summary>The default: every failure of the destination (any 5xx, connect failure, reset, timeout, open breaker).</summary>
    Default = ServerError | ConnectFailure | Reset | Timeout | CircuitOpen,
}
