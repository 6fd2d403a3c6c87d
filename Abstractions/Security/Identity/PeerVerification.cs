namespace OrleansMesh.Security.Identity;

/// <summary>The outcome of verifying a peer's certificate: its identity, or why it was refused.</summary>
/// <param name="Identity">The peer's SPIFFE ID when accepted.</param>
/// <param name="Failure">Why it was refused, or null when accepted.</param>
public sealed record PeerVerification(SpiffeId? Identity, string? Failure)
{
    /// <summary>Whether the peer is accepted.</summary>
    public bool Accepted => Failure is null;

    /// <summary>A refusal.</summary>
    public static PeerVerification Refused(string failure) => new(null, failure);
}
