namespace OrleansMesh.Gateway.Model;

/// <summary>Envoy's response flags the mesh sets in <c>x-mesh-response-flags</c> (and two of its own: <c>NC</c>, <c>JWT</c>).</summary>
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

    /// <summary>No route for the request (unknown host or no matching route).</summary>
    public const string NoRoute = "NR";

    /// <summary>The gateway has no config yet (ours).</summary>
    public const string NoConfig = "NC";

    /// <summary>A rate limit refused the request.</summary>
    public const string RateLimited = "RL";

    /// <summary>An AuthorizationPolicy denied the request.</summary>
    public const string Rbac = "RBAC";

    /// <summary>A token was refused (Envoy sets none; ours, so clients tell the gateway's 401 from an upstream one).</summary>
    public const string Jwt = "JWT";

    /// <summary>Envoy lists several flags comma-separated; a delayed request keeps DI next to what happened later.</summary>
    public static string Combine(bool delayed, string flag) => delayed ? FaultDelay + "," + flag : flag;
}
