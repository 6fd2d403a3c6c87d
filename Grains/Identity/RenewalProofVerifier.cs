using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// Checks a renewal: the current certificate was signed by this CA's key (its signature is verified directly, not
/// through a chain), is within its validity, is recorded and not revoked, carries the requested SPIFFE ID, and its key
/// signed the new CSR (<see cref="RenewalProof"/>).
/// </summary>
internal static class RenewalProofVerifier
{
    private const int MaxCertificateLength = 16 * 1024;
    private const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";

    /// <summary>Null when the renewal is valid; otherwise why not. Never throws on any certificate or proof string.</summary>
    public static string? Check(CertificateSigningRequest request, X509Certificate2 ca, SpiffeId requested, Func<string, IssuedCertificate?> issued, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(issued);
        if (string.IsNullOrWhiteSpace(request.CurrentCertificatePem) || request.CurrentCertificatePem.Length > MaxCertificateLength)
        {
            return $"the current certificate must be non-empty PEM of at most {MaxCertificateLength} characters";
        }

        X509Certificate2 current;
        try
        {
            current = X509Certificate2.CreateFromPem(request.CurrentCertificatePem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return $"the current certificate cannot be read ({ex.Message})";
        }

        using (current)
        {
            return Check(current, request, ca, requested, issued, now);
        }
    }

    private static string? Check(X509Certificate2 current, CertificateSigningRequest request, X509Certificate2 ca, SpiffeId requested, Func<string, IssuedCertificate?> issued, DateTimeOffset now)
    {
        using (var caKey = ca.GetECDsaPublicKey())
        {
            if (caKey is null || !SignedBy(current, caKey))
            {
                return $"the current certificate {current.SerialNumber} was not issued by this mesh CA";
            }
        }

        if (now < current.NotBefore.ToUniversalTime() || now >= current.NotAfter.ToUniversalTime())
        {
            return $"the current certificate {current.SerialNumber} is not valid now (valid {current.NotBefore.ToUniversalTime():u} to {current.NotAfter.ToUniversalTime():u})";
        }

        var record = issued(current.SerialNumber);
        if (record is null)
        {
            return $"the current certificate {current.SerialNumber} is not in this CA's records";
        }

        if (record.RevokedAt is not null)
        {
            return $"the current certificate {current.SerialNumber} was revoked";
        }

        if (SubjectAltNames.SpiffeIdOf(current) is not { } id || id != requested)
        {
            return $"the current certificate is for {SubjectAltNames.SpiffeIdOf(current)?.ToString() ?? "no SPIFFE ID"}, not {requested}";
        }

        using var key = current.GetECDsaPublicKey();
        return key is not null && RenewalProof.Verify(key, request.Csr, request.RenewalProof)
            ? null
            : "the renewal proof is not a signature of the new CSR by the current certificate's ECDSA key";
    }

    private static bool SignedBy(X509Certificate2 certificate, ECDsa caKey)
    {
        try
        {
            var outer = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue();
            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out _);
            return algorithm == EcdsaWithSha256
                && caKey.VerifyData(tbs.Span, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException)
        {
            return false;
        }
    }
}
