namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>What the engine exports on <c>/metrics</c>, read at one instant.</summary>
internal sealed record EngineStatus(
    int Running,
    int Waiting,
    double KvCacheUsage,
    IReadOnlyList<string> RunningAdapters,
    IReadOnlyList<string> WaitingAdapters,
    int MaxLora,
    long PrefixQueriedTokens,
    long PrefixHitTokens);
