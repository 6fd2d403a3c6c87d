namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// Google's Maglev lookup table as Envoy builds it: each endpoint walks its own permutation of the table
/// (<c>offset = xxHash64(key, 0) % M</c>, <c>skip = xxHash64(key, 1) % (M - 1) + 1</c>) and the endpoints take
/// turns claiming their next free entry, so each owns about M / N entries; a request goes to entry
/// <c>hash % M</c>. Lookups are O(1); an endpoint leaving moves its own keys and a small fraction of others.
/// Immutable, built once per cluster per snapshot.
/// </summary>
internal sealed class MaglevTable : IConsistentHashTable
{
    /// <summary>Envoy's default table size, a prime.</summary>
    public const int DefaultTableSize = 65537;

    private readonly int[] _table;

    /// <param name="endpointKeys">Each endpoint's identity (<see cref="HashKeys.EndpointKey"/>), by index.</param>
    /// <param name="tableSize">A prime (validated with the config); 0 means <see cref="DefaultTableSize"/>.</param>
    public MaglevTable(IReadOnlyList<string> endpointKeys, ulong tableSize = DefaultTableSize)
    {
        ArgumentOutOfRangeException.ThrowIfZero(endpointKeys.Count);
        var size = tableSize == 0 ? DefaultTableSize : checked((int)tableSize);
        var offsets = new ulong[endpointKeys.Count];
        var skips = new ulong[endpointKeys.Count];
        var next = new ulong[endpointKeys.Count];
        for (var e = 0; e < endpointKeys.Count; e++)
        {
            offsets[e] = HashKeys.Hash(endpointKeys[e], 0) % (ulong)size;
            skips[e] = (HashKeys.Hash(endpointKeys[e], 1) % (ulong)(size - 1)) + 1;
        }

        // Turns in the order of the keys, so the table does not depend on the order the registry lists endpoints in.
        var turns = Enumerable.Range(0, endpointKeys.Count).OrderBy(e => endpointKeys[e], StringComparer.Ordinal).ToArray();
        _table = new int[size];
        Array.Fill(_table, -1);
        var filled = 0;
        while (true)
        {
            foreach (var e in turns)
            {
                int entry;
                do
                {
                    entry = (int)((offsets[e] + (next[e]++ * skips[e])) % (ulong)size);
                }
                while (_table[entry] >= 0);

                _table[entry] = e;
                if (++filled == size)
                {
                    return;
                }
            }
        }
    }

    public string Name => "MAGLEV";

    public int Length => _table.Length;

    public int Slot(ulong hash) => (int)(hash % (ulong)_table.Length);

    public int EndpointAt(int slot) => _table[slot];
}
