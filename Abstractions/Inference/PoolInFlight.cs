using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>
/// What a pool's grain pushes to every gateway as soon as some gateway's in-flight counts change (at most every push
/// interval): the sum over gateways, and which of each gateway's reports the sum holds, so a gateway takes its own
/// part out exactly and adds its live count instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.PoolInFlight")]
public sealed record PoolInFlight
{
    /// <summary>The pool host, <c>NAME.NAMESPACE.inferencepool</c>.</summary>
    [Id(0)] public string Pool { get; init; } = "";

    /// <summary>Increases with every push of one grain activation: a gateway ignores one older than what it holds.</summary>
    [Id(1)] public long Sequence { get; init; }

    /// <summary>Requests in flight to each member through all gateways, <c>address:port</c>.</summary>
    [Id(2)] public ImmutableDictionary<string, int> Totals { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Each gateway's report (its <see cref="PoolInFlightReport.Sequence"/>) that <see cref="Totals"/> holds.</summary>
    [Id(3)] public ImmutableDictionary<string, long> Included { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>Identifies the grain activation that counted: a gateway's sequence check restarts with a new one.</summary>
    [Id(4)] public string Activation { get; init; } = "";
}
