using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>Whether a join token entitles its bearer to an identity: a valid MAC, known to the CA, not revoked, not expired, exactly that namespace and service account.</summary>
internal static class JoinTokenValidator
{
    /// <summary>Null when <paramref name="token"/> grants <paramref name="requested"/>; otherwise why not. Never throws on any token string.</summary>
    public static string? Check(byte[] secret, string? token, SpiffeId requested, IReadOnlyDictionary<string, JoinTokenInfo> tokens, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(tokens);
        if (JoinTokenCodec.Read(secret, token, out var failure) is not { } claims)
        {
            return $"the join token {failure}";
        }

        if (claims.ExpiresAt <= now)
        {
            return $"join token {claims.Id} expired at {claims.ExpiresAt:u}";
        }

        // A token the CA no longer records was pruned or never stored: refuse it rather than trust the MAC alone.
        if (!tokens.TryGetValue(claims.Id, out var info))
        {
            return $"join token {claims.Id} is not known to this CA";
        }

        if (info.RevokedAt is not null)
        {
            return $"join token {claims.Id} was revoked";
        }

        return claims.Namespace == requested.Namespace && claims.ServiceAccount == requested.ServiceAccount
            ? null
            : $"join token {claims.Id} is for namespace '{claims.Namespace}', service account '{claims.ServiceAccount}', not '{requested.Namespace}', '{requested.ServiceAccount}'";
    }
}
