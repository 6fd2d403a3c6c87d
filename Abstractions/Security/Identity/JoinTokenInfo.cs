namespace OrleansMesh.Security.Identity;

/// <summary>What the CA records of a join token: never the token itself, which it can recompute and returns only on creation.</summary>
[GenerateSerializer, Immutable, Alias("om.JoinTokenInfo")]
public sealed record JoinTokenInfo
{
    /// <summary>The token's id (16 hex digits), as <c>meshctl identity token revoke</c> takes it.</summary>
    [Id(0)] public string Id { get; init; } = "";

    /// <summary>The namespace of the only identity the token obtains.</summary>
    [Id(1)] public string Namespace { get; init; } = "";

    /// <summary>The service account of the only identity the token obtains.</summary>
    [Id(2)] public string ServiceAccount { get; init; } = "";

    /// <summary>When it was created.</summary>
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops being accepted.</summary>
    [Id(4)] public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    [Id(5)] public DateTimeOffset? RevokedAt { get; init; }
}
