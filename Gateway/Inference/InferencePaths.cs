namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// Which requests carry an OpenAI-compatible body: POST on three exact paths. The only check every other request
/// pays for (one string switch, then the method).
/// </summary>
internal static class InferencePaths
{
    public const string ChatCompletions = "/v1/chat/completions";
    public const string Completions = "/v1/completions";
    public const string Embeddings = "/v1/embeddings";

    public static bool TryGetOperation(HttpRequest request, out InferenceOperation operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Path.Value)
        {
            case ChatCompletions:
                operation = InferenceOperation.Chat;
                break;
            case Completions:
                operation = InferenceOperation.TextCompletion;
                break;
            case Embeddings:
                operation = InferenceOperation.Embeddings;
                break;
            default:
                operation = default;
                return false;
        }

        return HttpMethods.IsPost(request.Method);
    }
}
