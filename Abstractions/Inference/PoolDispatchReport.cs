using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>A gateway's report to a pool's grain, sent every report interval while the gateway serves the pool.</summary>
[GenerateSerializer, Immutable, Alias("om.PoolDispatchReport")]
public sealed record PoolDispatchReport
{
    /// <summary>Identifies the gateway (stable for the life of its process).</summary>
    [Id(0)] public string GatewayId { get; init; } = "";

    /// <summary>Where the grain pushes <see cref="PoolLoad"/>s; forgotten when the gateway stops reporting.</summary>
    [Id(1)] public IInferencePoolObserver? Observer { get; init; }

    /// <summary>The pool's members in the gateway's snapshot, <c>address:port</c>: what the grain scrapes.</summary>
    [Id(2)] public ImmutableArray<string> Members { get; init; } = [];

    /// <summary>Requests sent to each member since the previous report.</summary>
    [Id(3)] public ImmutableDictionary<string, int> Dispatched { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Prompt blocks sent since the previous report, and where.</summary>
    [Id(4)] public ImmutableArray<PrefixHint> Prefixes { get; init; } = [];

    // Id 5 (requests in flight, every report interval) is retired: they travel in PoolInFlightReport as they change.
}
