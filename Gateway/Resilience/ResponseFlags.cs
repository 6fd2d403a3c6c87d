namespace OrleansMesh.Gateway.Resilience;

/// <summary>Envoy's response flags the resilience layer sets in <c>x-mesh-response-flags</c>.</summary>
internal static class ResponseFlags
{
    /// <summary>Upstream overflow: a connection-pool limit (circuit breaker) rejected the request.</summary>
    public const string UpstreamOverflow = "UO";

    /// <summary>The request was aborted by fault injection.</summary>
    public const string FaultAbort = "FI";

    /// <summary>The request was delayed by fault injection.</summary>
    public const string FaultDelay = "DI";

    /// <summary>Retries ran out; the last upstream answer is passed on.</summary>
    public const string RetryLimitExceeded = "URX";

    /// <summary>Upstream request timeout.</summary>
    public const string UpstreamTimeout = "UT";

    /// <summary>Upstream connection failure.</summary>
    public const string ConnectFailure = "UF";

    /// <summary>Upstream connection termination (reset, protocol error).</summary>
    public const string ConnectionTermination = "UC";

    /// <summary>Downstream protocol error: the client's request broke HTTP's framing.</summary>
    public const string DownstreamProtocolError = "DPE";

    /// <summary>No healthy upstream.</summary>
    public const string NoHealthyUpstream = "UH";

    /// <summary>Envoy lists several flags comma-separated; a delayed request keeps DI next to what happened later.</summary>
    public static string Combine(bool delayed, string flag) => delayed ? FaultDelay + "," + flag : flag;
}
