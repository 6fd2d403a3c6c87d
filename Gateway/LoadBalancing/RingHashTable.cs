namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// A ring hash as Envoy's (ketama-like): points at <c>xxHash64("address:port_i")</c>, sorted; a request goes to the
/// first point at or after its hash, wrapping around. One deliberate difference: every endpoint gets
/// <c>minimumRingSize</c> points whatever the number of endpoints (Envoy spreads <c>minimumRingSize</c> over them,
/// so when one leaves the others gain points and steal keys from each other). Each endpoint's points then depend on
/// its address alone, and an endpoint leaving takes only its own points: only its keys move, each to the next
/// point's endpoint. Immutable, built once per cluster per snapshot.
/// </summary>
internal sealed class RingHashTable : IConsistentHashTable
{
    /// <summary>Envoy's default minimum ring size.</summary>
    public const int DefaultMinimumRingSize = 1024;

    /// <summary>Envoy's maximum ring size (8M points).</summary>
    public const int MaximumRingSize = 8 * 1024 * 1024;

    private readonly ulong[] _hashes;
    private readonly int[] _endpoints;

    /// <param name="endpointKeys">Each endpoint's identity (<see cref="HashKeys.EndpointKey"/>), by index.</param>
    /// <param name="minimumRingSize">Points per endpoint; 0 means <see cref="DefaultMinimumRingSize"/>.</param>
    public RingHashTable(IReadOnlyList<string> endpointKeys, ulong minimumRingSize = DefaultMinimumRingSize)
    {
        ArgumentOutOfRangeException.ThrowIfZero(endpointKeys.Count);
        var minimum = minimumRingSize == 0 ? DefaultMinimumRingSize : (int)Math.Min(minimumRingSize, MaximumRingSize);

        // Capped only for thousands of endpoints, where the ring would pass Envoy's 8M points.
        var perEndpoint = Math.Max(1, Math.Min(minimum, MaximumRingSize / endpointKeys.Count));

        var points = new (ulong Hash, int Endpoint)[perEndpoint * endpointKeys.Count];
        var n = 0;
        for (var e = 0; e < endpointKeys.Count; e++)
        {
            for (var i = 0; i < perEndpoint; i++)
            {
                points[n++] = (HashKeys.Hash($"{endpointKeys[e]}_{i}"), e);
            }
        }

        // Ties (practically never) broken by endpoint key, so every gateway builds the same ring whatever the order.
        Array.Sort(points, (a, b) => a.Hash != b.Hash ? a.Hash.CompareTo(b.Hash) : string.CompareOrdinal(endpointKeys[a.Endpoint], endpointKeys[b.Endpoint]));
        _hashes = [.. points.Select(p => p.Hash)];
        _endpoints = [.. points.Select(p => p.Endpoint)];
    }

    public string Name => "RING_HASH";

    public int Length => _hashes.Length;

    public int Slot(ulong hash)
    {
        var index = Array.BinarySearch(_hashes, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return index == _hashes.Length ? 0 : index;
    }

    public int EndpointAt(int slot) => _endpoints[slot];
}
