namespace OrleansMesh.Gateway.Resilience;

/// <summary>Envoy's HTTP retry conditions (<c>x-envoy-retry-on</c>), as bits.</summary>
[Flags]
internal enum RetryCondition
{
    None = 0,

    /// <summary><c>5xx</c>: any 5xx, and no response at all (connect failure, reset, timeout).</summary>
    ServerError = 1,

    /// <summary><c>gateway-error</c>: 502, 503, 504, and no response at all (Envoy counts those as 503s).</summary>
    GatewayError = 2,

    /// <summary><c>reset</c>: no response (disconnect, reset, read timeout), connect failures included.</summary>
    Reset = 4,

    /// <summary><c>connect-failure</c>: the connection could not be opened.</summary>
    ConnectFailure = 8,

    /// <summary><c>retriable-4xx</c>: 409.</summary>
    Retriable4xx = 16,

    /// <summary><c>refused-stream</c>: the upstream refused the HTTP/2 stream (REFUSED_STREAM), safe to retry.</summary>
    RefusedStream = 32,

    /// <summary><c>retriable-status-codes</c>: the status codes listed in <c>retryOn</c>.</summary>
    RetriableStatusCodes = 64,
}
