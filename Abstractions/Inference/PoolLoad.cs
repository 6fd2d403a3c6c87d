using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>What the pool's grain pushes to every gateway after each scrape.</summary>
[GenerateSerializer, Immutable, Alias("om.PoolLoad")]
public sealed record PoolLoad
{
    /// <summary>The pool host, <c>NAME.NAMESPACE.inferencepool</c>.</summary>
    [Id(0)] public string Pool { get; init; } = "";

    /// <summary>Increases with every push of one grain activation.</summary>
    [Id(1)] public long Sequence { get; init; }

    /// <summary>Every member the gateways reported, with its latest metrics.</summary>
    [Id(2)] public ImmutableArray<EndpointLoad> Endpoints { get; init; } = [];

    /// <summary>Prompt blocks the gateways sent since the previous push, and where: the cluster-wide prefix index.</summary>
    [Id(3)] public ImmutableArray<PrefixHint> Prefixes { get; init; } = [];
}
