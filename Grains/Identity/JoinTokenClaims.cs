namespace OrleansMesh.Grains.Identity;

/// <summary>What a join token with a valid MAC says: its id, the one identity it obtains, and its expiry.</summary>
internal sealed record JoinTokenClaims(string Id, string Namespace, string ServiceAccount, DateTimeOffset ExpiresAt);
