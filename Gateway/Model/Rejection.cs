namespace OrleansMesh.Gateway.Model;

/// <summary>
/// A step's refusal: what the client is to be told, not yet written. Allocated only when a request is refused.
/// </summary>
/// <param name="Kind">Which answer.</param>
/// <param name="Message">The answer's human-readable message.</param>
internal sealed record Rejection(RejectionKind Kind, string Message)
{
    /// <summary>The status where the kind does not fix it (fault abort, framing, model request); else 0.</summary>
    public int StatusCode { get; init; }

    /// <summary>The answer's machine-readable code where the kind does not fix it (framing, JWT, model request).</summary>
    public string? Code { get; init; }

    /// <summary>The offending field of an OpenAI-compatible request, or null.</summary>
    public string? Param { get; init; }

    /// <summary>Whole seconds for <c>Retry-After</c> (rate limits); 0 for none.</summary>
    public long RetryAfterSeconds { get; init; }

    /// <summary>Fault injection delayed the request first: the answer's flags keep <c>DI</c>.</summary>
    public bool Delayed { get; init; }
}
