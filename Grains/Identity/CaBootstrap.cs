using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Grains.Identity;

/// <summary>Creates the CA's key and certificate on first activation: a self-signed root, or an intermediate under an operator's root.</summary>
internal static class CaBootstrap
{
    /// <summary>A new ECDSA P-256 key and its self-signed root certificate (with the key attached).</summary>
    public static X509Certificate2 CreateRoot(string trustDomain, DateTimeOffset now, TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CaRequest(key, $"O={trustDomain}, CN=OrleansMesh root CA");
        return request.CreateSelfSigned(now, now + validity);
    }

    /// <summary>A new ECDSA P-256 key and its certificate signed by <paramref name="operatorRoot"/> (which must hold its key).</summary>
    public static X509Certificate2 CreateIntermediate(X509Certificate2 operatorRoot, string trustDomain, DateTimeOffset now, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(operatorRoot);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CaRequest(key, $"O={trustDomain}, CN=OrleansMesh intermediate CA");
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(operatorRoot, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var rootEnd = new DateTimeOffset(operatorRoot.NotAfter.ToUniversalTime());
        var notAfter = now + validity < rootEnd ? now + validity : rootEnd;
        using var certificate = request.Create(operatorRoot, now, notAfter, CertificateIssuer.NewSerial());
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>The operator's root with its key, read from PEM files.</summary>
    public static X509Certificate2 LoadOperatorRoot(string certificateFile, string keyFile) =>
        X509Certificate2.CreateFromPemFile(certificateFile, keyFile);

    private static CertificateRequest CaRequest(ECDsa key, string subject)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }
}
