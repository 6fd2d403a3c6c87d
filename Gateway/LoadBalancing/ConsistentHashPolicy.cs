namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// <c>consistentHash</c>: a request with a hash key goes to the key's endpoint on the cluster's ring (or Maglev
/// table); one without a key goes to a random endpoint, as in Envoy. Endpoints that are ejected, or already tried by
/// this request, are skipped by walking on to the next slots, so only the keys of the missing endpoint move.
/// </summary>
internal sealed class ConsistentHashPolicy(IConsistentHashTable table, Random random) : ILoadBalancingPolicy
{
    public string Name => Table.Name;

    public IConsistentHashTable Table { get; } = table;

    /// <summary>No hash key: a random endpoint.</summary>
    public UpstreamEndpoint Pick(UpstreamEndpoint[] endpoints) => endpoints[random.Next(endpoints.Length)];

    /// <summary>
    /// The first endpoint from the key's slot on that is in service and not in <paramref name="tried"/>; failing
    /// that the first in service (every one was tried); null when none is in service.
    /// </summary>
    /// <param name="endpoints">The cluster's endpoints, the ones the table was built over.</param>
    /// <param name="hash">The request's hash.</param>
    /// <param name="tried">Endpoints this request has been sent to already.</param>
    /// <param name="now">The health clock's time, or 0 when no endpoint is ejected.</param>
    public UpstreamEndpoint? Pick(UpstreamEndpoint[] endpoints, ulong hash, ReadOnlySpan<UpstreamEndpoint> tried, long now)
    {
        var start = Table.Slot(hash);
        var first = endpoints[Table.EndpointAt(start)];
        if (tried.IsEmpty && InService(first, now))
        {
            return first;
        }

        UpstreamEndpoint? triedInService = null;
        UpstreamEndpoint? previous = null;
        for (var i = 0; i < Table.Length; i++)
        {
            var slot = start + i;
            var endpoint = endpoints[Table.EndpointAt(slot < Table.Length ? slot : slot - Table.Length)];
            if (ReferenceEquals(endpoint, previous) || !InService(endpoint, now))
            {
                previous = endpoint;
                continue;
            }

            previous = endpoint;
            if (!Contains(tried, endpoint))
            {
                return endpoint;
            }

            triedInService ??= endpoint;
        }

        return triedInService;
    }

    private static bool InService(UpstreamEndpoint endpoint, long now) => now == 0 || endpoint.Health?.IsEjected(now) != true;

    private static bool Contains(ReadOnlySpan<UpstreamEndpoint> endpoints, UpstreamEndpoint endpoint)
    {
        foreach (var e in endpoints)
        {
            if (ReferenceEquals(e, endpoint))
            {
                return true;
            }
        }

        return false;
    }
}
