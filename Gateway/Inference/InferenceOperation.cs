namespace OrleansMesh.Gateway.Inference;

/// <summary>The OpenAI-compatible operation a request path names.</summary>
internal enum InferenceOperation
{
    /// <summary><c>POST /v1/chat/completions</c>.</summary>
    Chat,

    /// <summary><c>POST /v1/completions</c>.</summary>
    TextCompletion,

    /// <summary><c>POST /v1/embeddings</c>.</summary>
    Embeddings,
}
