namespace OrleansMesh.Resilience;

/// <summary>Which upstream outcomes a circuit breaker counts as failures.</summary>
[Flags]
public enum FailureConditions
{
    /// <summary>Nothing counts.</summary>
    None = 0,

    /// <summary>Any 5xx response from the destination.</summary>
    ServerError = 1,

    /// <summary>502, 503 and 504 from the destination (a subset of <see cref="ServerError"/>).</summary>
    GatewayError = 2,

    /// <summary>The connection could not be made.</summary>
    ConnectFailure = 4,

    /// <summary>The connection was reset or closed before the response headers.</summary>
    Reset = 8,

    /// <summary>The attempt timed out.</summary>
    Timeout = 16,

    /// <summary>Istio's default: connection failures, resets, timeouts and any 5xx.</summary>
    Default = ServerError | ConnectFailure | Reset | Timeout,
}
