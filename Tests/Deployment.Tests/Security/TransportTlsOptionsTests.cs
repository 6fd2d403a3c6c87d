using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Hosting;

namespace OrleansMesh.Deployment.Tests.Security;

/// <summary>The <c>OrleansMesh:Tls</c> settings are checked at start, and a peer is trusted only through the bundle.</summary>
public sealed class TransportTlsOptionsTests : IDisposable
{
    private readonly TransportCertificates _certificates = new();

    [Fact]
    public void Validate_CertificateKeyAndBundle_Succeeds()
    {
        var (bundle, ca) = _certificates.CreateCa("mesh");
        using var _ = ca;
        var (certificate, key) = _certificates.Issue(ca, "silo");

        Assert.True(Validate(new() { Certificate = certificate, Key = key, TrustBundle = bundle }).Succeeded);
    }

    [Fact]
    public void Validate_CertificateWithoutBundle_SaysTheBundleIsNeeded()
    {
        var (_, ca) = _certificates.CreateCa("mesh");
        using var _ = ca;
        var (certificate, key) = _certificates.Issue(ca, "silo");

        var result = Validate(new() { Certificate = certificate, Key = key });

        Assert.Contains("OrleansMesh:Tls:TrustBundle is not set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCertificateFile_NamesTheSettingAndPath()
    {
        var (bundle, ca) = _certificates.CreateCa("mesh");
        using var _ = ca;
        var missing = Path.Combine(_certificates.Directory, "nope.pem");

        var result = Validate(new() { Certificate = missing, TrustBundle = bundle });

        Assert.Contains($"OrleansMesh:Tls:Certificate '{missing}'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateWithoutItsKey_Fails()
    {
        var (bundle, ca) = _certificates.CreateCa("mesh");
        using var _ = ca;
        var (certificate, _) = _certificates.Issue(ca, "silo");

        Assert.False(Validate(new() { Certificate = certificate, TrustBundle = bundle }).Succeeded);
    }

    [Fact]
    public void Validate_BundleWithoutCertificate_SaysTlsIsOff()
    {
        var (bundle, ca) = _certificates.CreateCa("mesh");
        using var _ = ca;

        var result = Validate(new() { TrustBundle = bundle });

        Assert.Contains("OrleansMesh:Tls:Certificate is not", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void IsTrusted_CertificateOfTheBundlesCa_IsTrustedWhateverItsName()
    {
        var (bundle, ca) = _certificates.CreateCa("mesh");
        using var _ = ca;
        var (certificate, key) = _certificates.Issue(ca, "silo");
        using var peer = X509Certificate2.CreateFromPemFile(certificate, key);

        Assert.True(MeshTransportTls.IsTrusted(peer, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors, Bundle(bundle)));
    }

    [Fact]
    public void IsTrusted_CertificateOfAnotherCa_IsNot()
    {
        var (bundle, ca) = _certificates.CreateCa("mesh");
        var (_, other) = _certificates.CreateCa("other");
        using var _ = ca;
        using var __ = other;
        var (certificate, key) = _certificates.Issue(other, "intruder");
        using var peer = X509Certificate2.CreateFromPemFile(certificate, key);

        Assert.False(MeshTransportTls.IsTrusted(peer, SslPolicyErrors.RemoteCertificateChainErrors, Bundle(bundle)));
    }

    public void Dispose() => _certificates.Dispose();

    private static X509Certificate2Collection Bundle(string path)
    {
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(path);
        return bundle;
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(MeshTransportTlsOptions tls) =>
        new MeshClusterOptionsValidator().Validate(null, new MeshClusterOptions { Tls = tls });
}
