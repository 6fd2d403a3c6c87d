namespace OrleansMesh.Gateway.Model;

/// <summary>
/// Why the mesh answered a request itself instead of an upstream, one value per answer it can make. The step that
/// refuses names the kind; <c>Pipeline/MeshAnswers</c> turns it into the HTTP answer (status, Envoy's response flag,
/// JSON code), and a route's fallback decides on the kind, never on the answer's text.
/// </summary>
internal enum RejectionKind
{
    /// <summary>The request's HTTP framing cannot be trusted (400 or 431, <c>DPE</c>; the connection closes).</summary>
    BadFraming,

    /// <summary>The path cannot be normalised (400 <c>DPE</c> <c>invalid_path</c>).</summary>
    InvalidPath,

    /// <summary>A token was refused by a jwtRule (401 <c>JWT</c>).</summary>
    Unauthenticated,

    /// <summary>An AuthorizationPolicy denied the request, at the gateway or at the endpoint (403 <c>RBAC</c>).</summary>
    Forbidden,

    /// <summary>No config received from the control plane yet (503 <c>NC</c>).</summary>
    NoConfig,

    /// <summary>No service or VirtualService for the Host (404 <c>NR</c>).</summary>
    UnknownHost,

    /// <summary>No route of the host matches (404 <c>NR</c>).</summary>
    NoRoute,

    /// <summary>An OpenAI-compatible request whose body cannot be routed (400 or 413, OpenAI's error shape).</summary>
    InvalidModelRequest,

    /// <summary>The client left while sending the body the gateway reads: nothing to answer (400 is recorded).</summary>
    ClientGone,

    /// <summary>Fault injection aborted the request (the route's status, <c>FI</c>).</summary>
    FaultAbort,

    /// <summary>A request rate limit is out of tokens (429 <c>RL</c>, <c>Retry-After</c>).</summary>
    RateLimited,

    /// <summary>A token rate limit cannot cover the request's estimate (429 <c>RL</c>, OpenAI's error shape).</summary>
    TokenRateLimited,

    /// <summary>The destination has no endpoint (503 <c>UH</c>).</summary>
    NoHealthyUpstream,

    /// <summary>The destination's cluster-wide breaker is open (503 <c>UO</c>).</summary>
    CircuitOpen,

    /// <summary>The destination's connection-pool limit is reached (503 <c>UO</c>).</summary>
    UpstreamOverflow,

    /// <summary>The per-try or route timeout ran out (504 <c>UT</c>).</summary>
    UpstreamTimeout,

    /// <summary>No connection to the endpoint (503 <c>UF</c>).</summary>
    UpstreamConnectFailure,

    /// <summary>The upstream connection or stream broke (502 <c>UC</c>).</summary>
    UpstreamError,

    /// <summary>The client's body broke HTTP's framing while it was being forwarded (400 <c>DPE</c>).</summary>
    MalformedBody,

    /// <summary>
    /// The InferencePool is saturated and the request was shed from its gateway queue (full, or a higher priority took
    /// its place): 429 <c>UO</c>, OpenAI's error shape.
    /// </summary>
    InferenceShed,

    /// <summary>The InferencePool stayed saturated for the whole queue time: 503 <c>UO</c>, OpenAI's error shape.</summary>
    InferenceQueueTimeout,
}
