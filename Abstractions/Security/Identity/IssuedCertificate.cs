namespace OrleansMesh.Security.Identity;

/// <summary>The CA's record of one certificate it issued (kept until it expires).</summary>
[GenerateSerializer, Immutable, Alias("om.IssuedCertificate")]
public sealed record IssuedCertificate
{
    /// <summary>Serial number, upper-case hex.</summary>
    [Id(0)] public string SerialNumber { get; init; } = "";

    /// <summary>The SPIFFE ID in its URI SAN.</summary>
    [Id(1)] public string SpiffeId { get; init; } = "";

    /// <summary>Start of validity.</summary>
    [Id(2)] public DateTimeOffset NotBefore { get; init; }

    /// <summary>End of validity.</summary>
    [Id(3)] public DateTimeOffset NotAfter { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    [Id(4)] public DateTimeOffset? RevokedAt { get; init; }
}
