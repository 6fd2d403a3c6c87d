namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>The simulated engine's parameters, taken from <see cref="Hosting.ModelServerOptions"/> once at start.</summary>
internal sealed record EngineSettings(
    int MaxRunning,
    double DecodeMs,
    double DecodeMsPerRunning,
    double PrefillMsPerToken,
    int KvCacheTokens,
    int BlockTokens,
    int MaxLora,
    int LoraLoadMs)
{
    /// <summary>The KV cache in blocks; at least one, so a cache smaller than a block still admits work.</summary>
    public int KvBlocks => Math.Max(1, KvCacheTokens / BlockTokens);

    /// <summary>Blocks a request holds while it runs: its prompt and every token it may generate, capped at the cache.</summary>
    public int BlocksFor(EngineRequest request) =>
        Math.Min(KvBlocks, (int)Math.Ceiling((request.PromptTokens + (double)request.MaxTokens) / BlockTokens));
}
