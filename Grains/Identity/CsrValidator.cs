using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// Checks a workload's CSR before anything is signed: a valid self-signature, an accepted key (ECDSA P-256/P-384 or
/// RSA 2048-4096), exactly one URI SAN equal to the requested SPIFFE ID of the CA's trust domain, no CA basic
/// constraints. Only the public key is taken from it: the issued certificate's extensions are the CA's own.
/// </summary>
internal static class CsrValidator
{
    private const int MaxCsrLength = 16 * 1024;

    /// <summary>The CSR's public key and the identity to issue.</summary>
    /// <exception cref="ArgumentException">The request is refused; the message says why.</exception>
    public static (PublicKey Key, SpiffeId Identity) Validate(CertificateSigningRequest request, string trustDomain)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SpiffeId.TryParse(request.SpiffeId, out var id))
        {
            throw Refuse($"'{request.SpiffeId}' is not a SPIFFE ID of the form spiffe://<trust-domain>/ns/<namespace>/sa/<service-account>");
        }

        if (id.TrustDomain != trustDomain)
        {
            throw Refuse($"trust domain '{id.TrustDomain}' is not the mesh's ({trustDomain})");
        }

        var csr = Load(request.Csr);
        CheckKey(csr.PublicKey);
        if (csr.CertificateExtensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
        {
            throw Refuse("the CSR asks for a CA certificate");
        }

        IReadOnlyList<string> uris;
        try
        {
            (uris, _) = SubjectAltNames.Read(csr.CertificateExtensions);
        }
        catch (CryptographicException ex)
        {
            throw Refuse(ex.Message);
        }

        if (uris.Count != 1)
        {
            throw Refuse($"the CSR must carry exactly one URI SAN (the SPIFFE ID); it has {uris.Count}");
        }

        if (!string.Equals(uris[0], id.ToString(), StringComparison.Ordinal))
        {
            throw Refuse($"the CSR's URI SAN '{uris[0]}' is not the requested identity {id}");
        }

        return (csr.PublicKey, id);
    }

    private static CertificateRequest Load(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCsrLength)
        {
            throw Refuse($"the CSR must be non-empty PEM or base64 DER of at most {MaxCsrLength} characters");
        }

        try
        {
            // The signature is verified (proof that the requester holds the key); extensions are loaded to be checked, never copied.
            return text.Contains("-----BEGIN", StringComparison.Ordinal)
                ? CertificateRequest.LoadSigningRequestPem(text, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions)
                : CertificateRequest.LoadSigningRequest(Convert.FromBase64String(text.Trim()), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            throw Refuse($"the CSR cannot be read or its signature is invalid ({ex.Message})");
        }
    }

    private static void CheckKey(PublicKey key)
    {
        using var ec = key.GetECDsaPublicKey();
        if (ec is not null)
        {
            var curve = ec.ExportParameters(false).Curve;
            if (curve.Oid?.Value is not ("1.2.840.10045.3.1.7" or "1.3.132.0.34"))
            {
                throw Refuse($"ECDSA keys must be on P-256 or P-384, not {curve.Oid?.FriendlyName ?? curve.Oid?.Value}");
            }

            return;
        }

        using var rsa = key.GetRSAPublicKey();
        if (rsa is null)
        {
            throw Refuse("the key must be ECDSA (P-256, P-384) or RSA");
        }

        if (rsa.KeySize is < 2048 or > 4096)
        {
            throw Refuse($"RSA keys must have 2048 to 4096 bits, not {rsa.KeySize}");
        }
    }

    private static ArgumentException Refuse(string reason) => new($"Certificate request refused: {reason}.");
}
