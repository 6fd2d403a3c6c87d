namespace OrleansMesh.Gateway.Model;

/// <summary>How one attempt to an upstream endpoint ended, in the terms outlier detection and breakers count.</summary>
internal enum UpstreamOutcome
{
    /// <summary>The upstream answered with a status below 500.</summary>
    Success,

    /// <summary>The upstream answered 5xx other than a gateway error (500, 501, ...).</summary>
    ServerError,

    /// <summary>The upstream answered 502, 503 or 504 (Envoy's gateway errors).</summary>
    GatewayError,

    /// <summary>No connection could be opened (refused, unreachable, connect timeout).</summary>
    ConnectFailure,

    /// <summary>The connection or stream broke before or while the response arrived.</summary>
    Reset,

    /// <summary>The per-try or route timeout ran out.</summary>
    Timeout,

    /// <summary>The client went away; says nothing about the upstream.</summary>
    Cancelled,

    /// <summary>
    /// The gateway answered without trying an upstream (fault abort, pool overflow, no endpoint). Only in a
    /// <c>Pipeline/ForwardResult</c>, never reported for an endpoint.
    /// </summary>
    Rejected,
}
