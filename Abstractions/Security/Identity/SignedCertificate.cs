namespace OrleansMesh.Security.Identity;

/// <summary>A certificate the mesh CA issued: the chain to present, leaf first. Holds no private key.</summary>
[GenerateSerializer, Immutable, Alias("om.SignedCertificate")]
public sealed record SignedCertificate
{
    /// <summary>PEM certificates, the workload's leaf first, then any intermediate CA (the root is in the trust bundle).</summary>
    [Id(0)] public string ChainPem { get; init; } = "";

    /// <summary>The leaf's serial number, upper-case hex as <c>X509Certificate2.SerialNumber</c> shows it.</summary>
    [Id(1)] public string SerialNumber { get; init; } = "";

    /// <summary>Start of validity.</summary>
    [Id(2)] public DateTimeOffset NotBefore { get; init; }

    /// <summary>End of validity.</summary>
    [Id(3)] public DateTimeOffset NotAfter { get; init; }
}
