using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Security;

/// <summary>
/// Operator-supplied PEM certificates (the cluster's transport TLS, a DestinationRule's <c>tls</c> files) and the one
/// check they share: a chain to those roots alone, not the system's.
/// </summary>
public static class CertificateFiles
{
    /// <summary>A PEM certificate with its key (in <paramref name="keyPath"/>, or in the certificate's file when null).</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The files hold no usable certificate or key.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static X509Certificate2 LoadWithKey(string certificatePath, string? keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

        // SslStream on some platforms cannot use a key that lives only in memory; a PKCS#12 round trip gives it one it can.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Every certificate in a PEM file (none when it holds none).</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The file is not PEM.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static X509Certificate2Collection LoadBundle(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(path);
        return bundle;
    }

    /// <summary>Whether <paramref name="leaf"/> chains to <paramref name="roots"/> alone, through <paramref name="intermediates"/> where needed.</summary>
    public static bool ChainsTo(X509Certificate2 leaf, X509Certificate2Collection roots, X509Certificate2Collection? intermediates = null)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(roots);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        }

        return chain.Build(leaf);
    }
}
