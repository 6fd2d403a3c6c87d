using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class RenewalProofVerifierTests : IDisposable
{
    private static readonly SpiffeId Reviews = SpiffeId.Create("cluster.local", "default", "reviews");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly X509Certificate2 _ca;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _current;
    private readonly Dictionary<string, IssuedCertificate> _issued = new(StringComparer.Ordinal);

    public RenewalProofVerifierTests()
    {
        _ca = CaBootstrap.CreateRoot("cluster.local", _time.GetUtcNow().AddDays(-1), TimeSpan.FromDays(3650));
        _current = Issue(_ca, _key, Reviews);
    }

    [Fact]
    public void Check_ProofByTheCurrentKey_Accepted()
    {
        var request = Renewal(_current, _key);

        Assert.Null(Check(request));
    }

    [Fact]
    public void Check_ProofByAnotherKey_Refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal("the renewal proof is not a signature of the new CSR by the current certificate's ECDSA key", Check(Renewal(_current, other)));
    }

    [Fact]
    public void Check_ProofOverAnotherCsr_Refused()
    {
        var request = Renewal(_current, _key) with { Csr = TestCsrs.Valid().Csr };

        Assert.NotNull(Check(request));
    }

    [Fact]
    public void Check_CertificateOfAnotherCa_Refused()
    {
        using var otherCa = CaBootstrap.CreateRoot("cluster.local", _time.GetUtcNow().AddDays(-1), TimeSpan.FromDays(3650));
        using var foreign = Issue(otherCa, _key, Reviews);

        Assert.Equal($"the current certificate {foreign.SerialNumber} was not issued by this mesh CA", Check(Renewal(foreign, _key)));
    }

    [Fact]
    public void Check_ExpiredCertificate_Refused()
    {
        var request = Renewal(_current, _key);

        _time.Advance(TimeSpan.FromHours(2));

        Assert.StartsWith($"the current certificate {_current.SerialNumber} is not valid now", Check(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RevokedCertificate_Refused()
    {
        _issued[_current.SerialNumber] = _issued[_current.SerialNumber] with { RevokedAt = _time.GetUtcNow() };

        Assert.Equal($"the current certificate {_current.SerialNumber} was revoked", Check(Renewal(_current, _key)));
    }

    [Fact]
    public void Check_CertificateNotInTheRecords_Refused()
    {
        _issued.Clear();

        Assert.Equal($"the current certificate {_current.SerialNumber} is not in this CA's records", Check(Renewal(_current, _key)));
    }

    [Fact]
    public void Check_CertificateOfAnotherSpiffeId_Refused()
    {
        using var ratings = Issue(_ca, _key, SpiffeId.Create("cluster.local", "default", "ratings"));

        Assert.Equal(
            "the current certificate is for spiffe://cluster.local/ns/default/sa/ratings, not spiffe://cluster.local/ns/default/sa/reviews",
            Check(Renewal(ratings, _key)));
    }

    [Theory]
    [InlineData("", "AAAA")]
    [InlineData("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----", "AAAA")]
    [InlineData("garbage", "AAAA")]
    public void Check_MalformedCertificate_RefusedWithoutThrowing(string pem, string proof)
    {
        var request = TestCsrs.Valid() with { CurrentCertificatePem = pem, RenewalProof = proof };

        Assert.NotNull(Check(request));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Check_MalformedProof_RefusedWithoutThrowing(string? proof)
    {
        var request = Renewal(_current, _key) with { RenewalProof = proof };

        Assert.Equal("the renewal proof is not a signature of the new CSR by the current certificate's ECDSA key", Check(request));
    }

    public void Dispose()
    {
        _ca.Dispose();
        _key.Dispose();
        _current.Dispose();
    }

    private string? Check(CertificateSigningRequest request) =>
        RenewalProofVerifier.Check(request, _ca, Reviews, serial => _issued.GetValueOrDefault(serial), _time.GetUtcNow());

    private static CertificateSigningRequest Renewal(X509Certificate2 current, ECDsa key)
    {
        var request = TestCsrs.Valid();
        return request with { CurrentCertificatePem = current.ExportCertificatePem(), RenewalProof = RenewalProof.Create(key, request.Csr) };
    }

    private X509Certificate2 Issue(X509Certificate2 ca, ECDsa key, SpiffeId id)
    {
        var leaf = CertificateIssuer.Issue(new PublicKey(key), id, ca, _time.GetUtcNow(), TimeSpan.FromHours(1));
        _issued[leaf.SerialNumber] = new IssuedCertificate { SerialNumber = leaf.SerialNumber, SpiffeId = id.ToString(), NotAfter = _time.GetUtcNow().AddHours(1) };
        return leaf;
    }
}
