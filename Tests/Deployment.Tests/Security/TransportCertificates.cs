using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Deployment.Tests.Security;

/// <summary>
/// PEM files for the cluster's transport TLS, as an operator makes them with any CA tool: a CA and certificates it
/// issued (serverAuth and clientAuth), written to a directory of their own.
/// </summary>
internal sealed class TransportCertificates : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("orleansmesh-tls-").FullName;

    public string Directory => _directory;

    /// <summary>Writes a self-signed CA; returns the path of its certificate (the trust bundle) and the CA itself.</summary>
    public (string BundlePath, X509Certificate2 Ca) CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var path = Path.Combine(_directory, name + "-ca.pem");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return (path, ca);
    }

    /// <summary>Writes a certificate <paramref name="ca"/> issued to <paramref name="name"/>; returns its certificate and key paths.</summary>
    public (string CertificatePath, string KeyPath) Issue(X509Certificate2 ca, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([Oid.FromOidValue("1.3.6.1.5.5.7.3.1", OidGroup.EnhancedKeyUsage), Oid.FromOidValue("1.3.6.1.5.5.7.3.2", OidGroup.EnhancedKeyUsage)], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(ca, now.AddMinutes(-5), now.AddHours(12), RandomNumberGenerator.GetBytes(16));
        var certificatePath = Path.Combine(_directory, name + ".pem");
        var keyPath = Path.Combine(_directory, name + "-key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);
}
