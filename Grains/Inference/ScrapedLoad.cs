using System.Collections.Immutable;

namespace OrleansMesh.Grains.Inference;

/// <summary>One successful scrape of a model server.</summary>
internal readonly record struct ScrapedLoad(
    int Waiting, int Running, double KvCacheUsage, ImmutableArray<string> RunningAdapters, ImmutableArray<string> WaitingAdapters, int MaxLora);
