namespace OrleansMesh.Gateway.Inference;

/// <summary>An OpenAI <c>usage</c> object: tokens read (prompt) and written (completion) by the model.</summary>
internal readonly record struct TokenUsage(int InputTokens, int OutputTokens)
{
    public int TotalTokens => InputTokens + OutputTokens;
}
