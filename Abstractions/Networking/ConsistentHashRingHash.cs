namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConsistentHashLB.RingHash</c>: Envoy's ketama-style ring.</summary>
[GenerateSerializer, Immutable, Alias("om.ConsistentHashRingHash")]
public sealed record ConsistentHashRingHash
{
    /// <summary>The minimum number of points on the ring. Default (unset or 0): 1024, as Envoy.</summary>
    [Id(0)] public ulong? MinimumRingSize { get; init; }
}
