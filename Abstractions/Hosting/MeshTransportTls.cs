using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using OrleansMesh.Security;

namespace OrleansMesh.Hosting;

/// <summary>
/// Orleans' TLS with the mesh's rules, the same on silos and clients: each end presents its certificate and requires
/// the other's, and a peer is accepted when its certificate chains to the configured trust bundle alone. Peers are
/// addressed by IP, so the name in the certificate is not compared: holding a certificate of the cluster's CA is what
/// admits a process.
/// </summary>
public static class MeshTransportTls
{
    /// <summary>Loads the certificate, key and trust bundle and sets <paramref name="tls"/> up for mutual TLS.</summary>
    /// <exception cref="InvalidOperationException">A file is missing or holds no usable certificate or key.</exception>
    public static void Configure(TlsOptions tls, MeshTransportTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(options);
        var certificate = LoadCertificate(options);
        var trust = LoadTrustBundle(options);
        tls.LocalCertificate = certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (remote, _, errors) => IsTrusted(remote, errors, trust);
    }

    /// <summary>
    /// Whether <paramref name="remote"/> chains to <paramref name="trust"/>. Only a name mismatch is forgiven among the
    /// platform's <paramref name="errors"/> (an untrusted root is expected: the bundle is not in the system store).
    /// </summary>
    public static bool IsTrusted(X509Certificate2 remote, SslPolicyErrors errors, X509Certificate2Collection trust)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(trust);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        return CertificateFiles.ChainsTo(remote, trust);
    }

    /// <summary>The process's certificate with its private key.</summary>
    /// <exception cref="InvalidOperationException">The files are missing or do not hold a certificate and its key.</exception>
    public static X509Certificate2 LoadCertificate(MeshTransportTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Certificate ?? throw new InvalidOperationException($"{Setting(nameof(options.Certificate))} is not set");
        try
        {
            return CertificateFiles.LoadWithKey(path, options.Key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"{Setting(nameof(options.Certificate))} '{path}'{(options.Key is null ? "" : $" with {Setting(nameof(options.Key))} '{options.Key}'")}: {e.Message}", e);
        }
    }

    /// <summary>The CA certificates peers must chain to.</summary>
    /// <exception cref="InvalidOperationException">The file is missing or holds no certificate.</exception>
    public static X509Certificate2Collection LoadTrustBundle(MeshTransportTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.TrustBundle ?? throw new InvalidOperationException($"{Setting(nameof(options.TrustBundle))} is not set; TLS needs the CA certificates that peers' certificates chain to");
        X509Certificate2Collection bundle;
        try
        {
            bundle = CertificateFiles.LoadBundle(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"{Setting(nameof(options.TrustBundle))} '{path}': {e.Message}", e);
        }

        return bundle.Count > 0 ? bundle : throw new InvalidOperationException($"{Setting(nameof(options.TrustBundle))} '{path}' holds no PEM certificate");
    }

    private static string Setting(string name) => $"{MeshClusterOptions.SectionName}:{MeshTransportTlsOptions.SectionName}:{name}";
}
