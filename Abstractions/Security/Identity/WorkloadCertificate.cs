using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Security.Identity;

/// <summary>A workload's certificate as held locally: the leaf with its private key, and the intermediates to send with it.</summary>
/// <param name="Certificate">The leaf, with the private key that never left this process.</param>
/// <param name="Intermediates">CA certificates between the leaf and the roots (empty under a self-signed root).</param>
/// <param name="Identity">The SPIFFE ID in the leaf.</param>
/// <param name="SerialNumber">The leaf's serial number, upper-case hex.</param>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
public sealed record WorkloadCertificate(
    X509Certificate2 Certificate,
    X509Certificate2Collection Intermediates,
    SpiffeId Identity,
    string SerialNumber,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter);
