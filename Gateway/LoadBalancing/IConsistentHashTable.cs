namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// A consistent-hash lookup structure over a cluster's endpoints (by index), walked from a key's slot: the first
/// slot is the key's endpoint, the following ones are where its requests go when that endpoint cannot take them.
/// </summary>
internal interface IConsistentHashTable
{
    /// <summary>The Istio name of the algorithm, <c>RING_HASH</c> or <c>MAGLEV</c>.</summary>
    string Name { get; }

    /// <summary>Number of slots (ring points or table entries).</summary>
    int Length { get; }

    /// <summary>The slot a request hash lands on.</summary>
    int Slot(ulong hash);

    /// <summary>The index of the endpoint owning <paramref name="slot"/>.</summary>
    int EndpointAt(int slot);
}
