namespace OrleansMesh.Samples.ModelServer.Embeddings;

internal sealed record EmbeddingUsage(int PromptTokens, int TotalTokens);
