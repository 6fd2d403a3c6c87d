namespace OrleansMesh.Security.Identity;

/// <summary>A join token just created: the secret string to hand to the workloads (shown this once) and its record.</summary>
[GenerateSerializer, Immutable, Alias("om.CreatedJoinToken")]
public sealed record CreatedJoinToken
{
    /// <summary>The token, <c>omjt.…</c>; put it in a Kubernetes Secret. The CA does not store or return it again.</summary>
    [Id(0)] public string Token { get; init; } = "";

    /// <summary>Its id, identity and expiry.</summary>
    [Id(1)] public JoinTokenInfo Info { get; init; } = new();
}
