using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// Builds workload certificates as Istio's CA does: empty subject, the SPIFFE ID as the only (critical) SAN, not a CA,
/// digital signature and key encipherment for both TLS client and server use, a random positive 128-bit serial.
/// </summary>
internal static class CertificateIssuer
{
    public static X509Certificate2 Issue(PublicKey key, SpiffeId identity, X509Certificate2 ca, DateTimeOffset now, TimeSpan ttl)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(ca);
        var request = new CertificateRequest(new X500DistinguishedName(""), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(identity.ToString()));
        request.CertificateExtensions.Add(san.Build(critical: true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        // X.509 keeps whole seconds: truncate, so the lifetime the workload sees is the one granted.
        var notBefore = TruncateToSeconds(now);
        var notAfter = notBefore + ttl;
        if (notAfter > ca.NotAfter.ToUniversalTime())
        {
            notAfter = TruncateToSeconds(ca.NotAfter.ToUniversalTime());
        }

        return request.Create(ca, notBefore, notAfter, NewSerial());
    }

    /// <summary>A random positive 16-byte serial with no leading zero byte (so its hex form is always 32 digits).</summary>
    public static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
