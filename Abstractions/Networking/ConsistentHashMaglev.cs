namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConsistentHashLB.MagLev</c>: Google's Maglev lookup table.</summary>
[GenerateSerializer, Immutable, Alias("om.ConsistentHashMaglev")]
public sealed record ConsistentHashMaglev
{
    /// <summary>The lookup table's size, a prime. Default (unset or 0): 65537, as Envoy.</summary>
    [Id(0)] public ulong? TableSize { get; init; }
}
