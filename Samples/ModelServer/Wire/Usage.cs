namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>Token accounting of a chat or text completion; a token here is one whitespace-separated word.</summary>
internal sealed record Usage(int PromptTokens, int CompletionTokens, int TotalTokens)
{
    public static Usage For(int promptTokens, int completionTokens) => new(promptTokens, completionTokens, promptTokens + completionTokens);
}
