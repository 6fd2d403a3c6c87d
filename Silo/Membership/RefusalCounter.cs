namespace OrleansMesh.Silo.Membership;

/// <summary>
/// Consecutive refusals per peer: a peer is condemned after <see cref="Limit"/> refusals in a row, and any other
/// outcome starts its count again. Pure logic, no sockets and no Orleans.
/// </summary>
internal sealed class RefusalCounter<TPeer>(int limit)
    where TPeer : notnull
{
    private readonly Dictionary<TPeer, int> _refusals = [];

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "at least one refusal");

    /// <summary>Records <paramref name="outcome"/>; true when it is the refusal that reaches <see cref="Limit"/>.</summary>
    public bool Record(TPeer peer, PeerProbeOutcome outcome)
    {
        if (outcome != PeerProbeOutcome.Refused)
        {
            _refusals.Remove(peer);
            return false;
        }

        var count = _refusals.GetValueOrDefault(peer) + 1;
        _refusals[peer] = count;
        return count == Limit;
    }

    /// <summary>Whether <paramref name="peer"/> refused at least once and has not answered since.</summary>
    public bool IsSuspect(TPeer peer) => _refusals.ContainsKey(peer);

    /// <summary>Drops every peer not in <paramref name="current"/> (declared dead, or gone from membership).</summary>
    public void KeepOnly(IReadOnlySet<TPeer> current)
    {
        foreach (var peer in _refusals.Keys.Where(p => !current.Contains(p)).ToList())
        {
            _refusals.Remove(peer);
        }
    }
}
