namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>
/// What the simulated engine needs to know of one request: its prompt as chained block hashes (for the prefix cache),
/// its prompt length in tokens, the tokens it will generate, and the LoRA adapter it asks for (null: the base model).
/// </summary>
internal sealed record EngineRequest(int PromptTokens, IReadOnlyList<ulong> PromptBlocks, int MaxTokens, string? Adapter);
