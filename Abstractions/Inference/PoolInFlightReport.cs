using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>
/// A gateway's requests in flight to each member of a pool, sent one-way as soon as they change (at most every
/// in-flight report interval): the fresh half of the cluster-wide view that keeps gateways from herding.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.PoolInFlightReport")]
public sealed record PoolInFlightReport
{
    /// <summary>Identifies the gateway (stable for the life of its process).</summary>
    [Id(0)] public string GatewayId { get; init; } = "";

    /// <summary>Increases with every report of one gateway: the grain keeps the newest when one-way messages cross.</summary>
    [Id(1)] public long Sequence { get; init; }

    /// <summary>Requests this gateway has in flight to each member now, <c>address:port</c>; a missing member has none.</summary>
    [Id(2)] public ImmutableDictionary<string, int> InFlight { get; init; } = ImmutableDictionary<string, int>.Empty;
}
