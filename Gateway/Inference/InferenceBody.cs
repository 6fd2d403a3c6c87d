namespace OrleansMesh.Gateway.Inference;

/// <summary>The fields of an OpenAI-compatible request body the gateway acts on.</summary>
/// <param name="Model">The non-empty <c>model</c>.</param>
/// <param name="Stream"><c>stream</c>; false when absent or null.</param>
/// <param name="MaxTokens"><c>max_completion_tokens</c>, else <c>max_tokens</c>, else null.</param>
internal readonly record struct InferenceBody(string Model, bool Stream, int? MaxTokens);
