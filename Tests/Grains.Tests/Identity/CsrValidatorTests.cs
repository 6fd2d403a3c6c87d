using System.Security.Cryptography;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class CsrValidatorTests
{
    private const string TrustDomain = "cluster.local";

    [Fact]
    public void Validate_WellFormedRequest_ReturnsRequestedIdentity()
    {
        var (_, identity) = CsrValidator.Validate(TestCsrs.Valid(), TrustDomain);

        Assert.Equal(TestCsrs.Id, identity.ToString());
    }

    [Fact]
    public void Validate_Rsa2048Key_Accepted()
    {
        var (key, _) = CsrValidator.Validate(TestCsrs.Custom(RSA.Create(2048), [TestCsrs.Id]), TrustDomain);

        Assert.Equal("1.2.840.113549.1.1.1", key.Oid.Value);
    }

    [Fact]
    public void Validate_UriSanIsAnotherIdentity_Refused()
    {
        var request = TestCsrs.WithSans("spiffe://cluster.local/ns/default/sa/ratings");

        var error = Assert.Throws<ArgumentException>(() => CsrValidator.Validate(request, TrustDomain));

        Assert.Contains("is not the requested identity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoUriSans_Refused()
    {
        var request = TestCsrs.WithSans(TestCsrs.Id, "spiffe://cluster.local/ns/default/sa/ratings");

        var error = Assert.Throws<ArgumentException>(() => CsrValidator.Validate(request, TrustDomain));

        Assert.Contains("exactly one URI SAN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSan_Refused()
    {
        Assert.Throws<ArgumentException>(() => CsrValidator.Validate(TestCsrs.WithSans(), TrustDomain));
    }

    [Fact]
    public void Validate_OtherTrustDomain_Refused()
    {
        var request = TestCsrs.Valid("spiffe://evil.example/ns/default/sa/reviews");

        var error = Assert.Throws<ArgumentException>(() => CsrValidator.Validate(request, TrustDomain));

        Assert.Contains("trust domain 'evil.example'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://cluster.local/ns/default/sa/reviews")]
    [InlineData("spiffe://cluster.local/ns/default")]
    [InlineData("spiffe://cluster.local/ns/default/sa/reviews/extra")]
    [InlineData("spiffe://cluster.local/ns/../sa/reviews")]
    [InlineData("spiffe://Cluster.Local/ns/default/sa/reviews")]
    [InlineData("spiffe://cluster.local/sa/default/ns/reviews")]
    public void Validate_RequestedIdIsNotAnIstioSpiffeId_Refused(string id)
    {
        var request = TestCsrs.Valid() with { SpiffeId = id };

        Assert.Throws<ArgumentException>(() => CsrValidator.Validate(request, TrustDomain));
    }

    [Fact]
    public void Validate_TamperedSignature_Refused()
    {
        var der = Convert.FromBase64String(string.Concat(TestCsrs.Valid().Csr.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        der[^3] ^= 0x5A;
        var request = new CertificateSigningRequest { Csr = Convert.ToBase64String(der), SpiffeId = TestCsrs.Id };

        var error = Assert.Throws<ArgumentException>(() => CsrValidator.Validate(request, TrustDomain));

        Assert.Contains("signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AsksForCa_Refused()
    {
        var request = TestCsrs.Custom(ECDsa.Create(ECCurve.NamedCurves.nistP256), [TestCsrs.Id], ca: true);

        var error = Assert.Throws<ArgumentException>(() => CsrValidator.Validate(request, TrustDomain));

        Assert.Contains("CA certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Rsa1024Key_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CsrValidator.Validate(TestCsrs.Custom(RSA.Create(1024), [TestCsrs.Id]), TrustDomain));

        Assert.Contains("2048 to 4096 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EcdsaP521Key_Refused()
    {
        var request = TestCsrs.Custom(ECDsa.Create(ECCurve.NamedCurves.nistP521), [TestCsrs.Id]);

        var error = Assert.Throws<ArgumentException>(() => CsrValidator.Validate(request, TrustDomain));

        Assert.Contains("P-256 or P-384", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a csr")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----")]
    public void Validate_Garbage_RefusedWithArgumentException(string csr)
    {
        var request = new CertificateSigningRequest { Csr = csr, SpiffeId = TestCsrs.Id };

        Assert.Throws<ArgumentException>(() => CsrValidator.Validate(request, TrustDomain));
    }
}
