using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Abstractions.Tests.Security.Identity;

public sealed class MeshTrustStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly X509Certificate2 _root = Root("mesh");
    private readonly MeshTrustStore _store;

    public MeshTrustStoreTests()
    {
        _store = new MeshTrustStore(_time);
        _store.SetBundle(new TrustBundle { TrustDomain = "cluster.local", RootsPem = _root.ExportCertificatePem() });
    }

    [Fact]
    public void Verify_LeafOfTheMeshRoot_AcceptedWithItsIdentity()
    {
        using var leaf = Leaf(_root, "spiffe://cluster.local/ns/models/sa/demo");

        Assert.Equal("spiffe://cluster.local/ns/models/sa/demo", _store.Verify(leaf).Identity?.ToString());
    }

    [Fact]
    public void Verify_LeafOfAnotherRoot_Refused()
    {
        using var other = Root("other");
        using var leaf = Leaf(other, "spiffe://cluster.local/ns/models/sa/demo");

        Assert.StartsWith("certificate does not chain to the mesh roots", _store.Verify(leaf).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RevokedSerial_Refused()
    {
        using var leaf = Leaf(_root, "spiffe://cluster.local/ns/models/sa/demo");
        _store.SetRevoked([leaf.SerialNumber.ToLowerInvariant()]);

        Assert.Equal($"certificate {leaf.SerialNumber} is revoked", _store.Verify(leaf).Failure);
    }

    [Fact]
    public void Verify_Expired_Refused()
    {
        using var leaf = Leaf(_root, "spiffe://cluster.local/ns/models/sa/demo");
        _time.Advance(TimeSpan.FromHours(2));

        Assert.False(_store.Verify(leaf).Accepted);
    }

    [Fact]
    public void Verify_OtherTrustDomain_Refused()
    {
        using var leaf = Leaf(_root, "spiffe://evil.example/ns/models/sa/demo");

        Assert.Equal("certificate has no SPIFFE ID of trust domain cluster.local", _store.Verify(leaf).Failure);
    }

    [Fact]
    public void Verify_ExpectedIdentityDiffers_Refused()
    {
        using var leaf = Leaf(_root, "spiffe://cluster.local/ns/models/sa/demo");
        var expected = SpiffeId.Create("cluster.local", "models", "other");

        Assert.Equal("peer is spiffe://cluster.local/ns/models/sa/demo, expected spiffe://cluster.local/ns/models/sa/other", _store.Verify(leaf, expected: expected).Failure);
    }

    [Fact]
    public void Verify_TheRootItself_RefusedAsCa()
    {
        Assert.Equal("a CA certificate is not a workload certificate", _store.Verify(_root).Failure);
    }

    [Fact]
    public void Verify_BeforeAnyBundle_Refused()
    {
        using var leaf = Leaf(_root, "spiffe://cluster.local/ns/models/sa/demo");

        Assert.Equal("no trust bundle yet", new MeshTrustStore(_time).Verify(leaf).Failure);
    }

    public void Dispose() => _root.Dispose();

    private static X509Certificate2 Root(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(30));
    }

    private static X509Certificate2 Leaf(X509Certificate2 issuer, string uri)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(""), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(uri));
        request.CertificateExtensions.Add(san.Build(true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        return request.Create(issuer, Now.AddMinutes(-1), Now.AddHours(1), [0x41, 0x02, 0x03, 0x04]);
    }
}
