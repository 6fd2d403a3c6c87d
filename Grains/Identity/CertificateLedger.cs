using System.Collections.Immutable;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// The CA's records, kept in its grain state: the certificates it issued (until they expire; an expired certificate needs
/// no revocation entry, peers refuse it on expiry alone) and the join tokens it created. Plain logic over the state's
/// dictionaries; the grain persists after each change.
/// </summary>
internal sealed class CertificateLedger(CertificateAuthorityState state)
{
    private readonly Dictionary<string, IssuedCertificate> _issued = state.Issued;
    private readonly Dictionary<string, JoinTokenInfo> _tokens = state.JoinTokens ?? throw new ArgumentException("The state has no join-token table.", nameof(state));

    /// <summary>Records a certificate just issued, forgetting the expired ones.</summary>
    public void Record(IssuedCertificate issued, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(issued);
        foreach (var serial in _issued.Where(p => p.Value.NotAfter <= now).Select(p => p.Key).ToArray())
        {
            _issued.Remove(serial);
        }

        _issued[issued.SerialNumber] = issued;
    }

    /// <summary>The certificates not expired yet, the soonest to expire first.</summary>
    public ImmutableArray<IssuedCertificate> Current(DateTimeOffset now) => [.. _issued.Values.Where(c => c.NotAfter > now).OrderBy(c => c.NotAfter)];

    /// <summary>The serial numbers of revoked certificates not expired yet.</summary>
    public ImmutableArray<string> Revoked(DateTimeOffset now) => [.. _issued.Values.Where(c => c.RevokedAt is not null && c.NotAfter > now).Select(c => c.SerialNumber)];

    /// <summary>
    /// Revokes the unexpired certificate with <paramref name="serialNumber"/> (any case, with or without colons).
    /// </summary>
    /// <returns>False when there is none; else true, with the certificate when this call revoked it (null when it already was).</returns>
    public bool Revoke(string serialNumber, DateTimeOffset now, out IssuedCertificate? revoked)
    {
        ArgumentNullException.ThrowIfNull(serialNumber);
        revoked = null;
        var serial = serialNumber.Trim().Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!_issued.TryGetValue(serial, out var issued) || issued.NotAfter <= now)
        {
            return false;
        }

        if (issued.RevokedAt is null)
        {
            revoked = _issued[serial] = issued with { RevokedAt = now };
        }

        return true;
    }

    /// <summary>Records a join token just created, forgetting the expired ones.</summary>
    public void AddToken(JoinTokenInfo info, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(info);
        foreach (var id in _tokens.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToArray())
        {
            _tokens.Remove(id);
        }

        _tokens[info.Id] = info;
    }

    /// <summary>The join tokens not expired yet, the soonest to expire first.</summary>
    public ImmutableArray<JoinTokenInfo> Tokens(DateTimeOffset now) => [.. _tokens.Values.Where(t => t.ExpiresAt > now).OrderBy(t => t.ExpiresAt)];

    /// <summary>Revokes the unexpired join token <paramref name="id"/> (any case).</summary>
    /// <returns>False when there is none; else true, with the token when this call revoked it (null when it already was).</returns>
    public bool RevokeToken(string id, DateTimeOffset now, out JoinTokenInfo? revoked)
    {
        ArgumentNullException.ThrowIfNull(id);
        revoked = null;
        var key = id.Trim().ToLowerInvariant();
        if (!_tokens.TryGetValue(key, out var info) || info.ExpiresAt <= now)
        {
            return false;
        }

        if (info.RevokedAt is null)
        {
            revoked = _tokens[key] = info with { RevokedAt = now };
        }

        return true;
    }
}
