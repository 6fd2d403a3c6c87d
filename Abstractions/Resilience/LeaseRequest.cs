namespace OrleansMesh.Resilience;

/// <summary>A gateway asking a bucket grain for tokens, and giving back what it did not use of its last lease.</summary>
[GenerateSerializer, Immutable, Alias("om.LeaseRequest")]
public sealed record LeaseRequest
{
    /// <summary>The bucket's parameters in the gateway's snapshot; the grain adopts the latest.</summary>
    [Id(0)] public RateLimitSettings Settings { get; init; } = new();

    /// <summary>Tokens wanted.</summary>
    [Id(1)] public int Wanted { get; init; }

    /// <summary>Unused tokens of an earlier lease, returned to the bucket.</summary>
    [Id(2)] public int Returned { get; init; }

    /// <summary>Tokens the gateway already let through on credit before this lease (taken from the bucket first).</summary>
    [Id(3)] public int Owed { get; init; }

    /// <summary>
    /// Tokens the gateway lacks for its next request (a token-limited request needs its whole estimate at once); the
    /// lease's <see cref="TokenLease.RetryAfter"/> is the time until the bucket holds what is still missing. 0 or 1: one token.
    /// </summary>
    [Id(4)] public int Needed { get; init; }
}
