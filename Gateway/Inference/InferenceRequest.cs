namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// What the gateway learnt about one OpenAI-compatible request: read from the body before routing, completed from
/// the response as it streams through. Lives in <see cref="HttpContext.Features"/> for the request's lifetime, so
/// routing, token limits and metrics read one parse of the body.
/// </summary>
internal sealed class InferenceRequest
{
    public InferenceRequest(string model, bool stream, int? maxTokens, long bodyLength)
    {
        Model = model;
        Stream = stream;
        MaxTokens = maxTokens;
        BodyLength = bodyLength;
    }

    /// <summary>The body's <c>model</c> field.</summary>
    public string Model { get; }

    /// <summary>The body asked for server-sent events (<c>stream: true</c>).</summary>
    public bool Stream { get; }

    /// <summary>The body's <c>max_tokens</c> (or <c>max_completion_tokens</c>), when given.</summary>
    public int? MaxTokens { get; }

    /// <summary>The buffered request body, for the steps that read more of it than the router (the endpoint picker hashes its prompt).</summary>
    public PooledRequestBody? Body { get; init; }

    /// <summary>The request body's length in bytes.</summary>
    public long BodyLength { get; }

    /// <summary>The operation the request path names. Default: <see cref="InferenceOperation.Chat"/>.</summary>
    public InferenceOperation Operation { get; init; }

    /// <summary>The <c>model</c> the response named (the model server's own name for it), once seen; null until then.</summary>
    public string? ResponseModel { get; set; }

    /// <summary>From the gateway starting on the request to the first response body bytes written to the client; null until then.</summary>
    public TimeSpan? TimeToFirstToken { get; set; }

    /// <summary>The <c>usage</c> the model server reported, once the response carried it; null until then or if it never did.</summary>
    public TokenUsage? Usage { get; set; }
}
