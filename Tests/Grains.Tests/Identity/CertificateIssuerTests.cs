using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class CertificateIssuerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    [Fact]
    public void Issue_Leaf_CarriesOnlyTheSpiffeIdAndIsNoCa()
    {
        using var ca = CaBootstrap.CreateRoot("cluster.local", Now.AddDays(-1), TimeSpan.FromDays(365));
        var (key, identity) = CsrValidator.Validate(TestCsrs.Valid(), "cluster.local");

        using var leaf = CertificateIssuer.Issue(key, identity, ca, Now, TimeSpan.FromHours(1));
        var (uris, others) = SubjectAltNames.Read(leaf.Extensions.Cast<X509Extension>());

        Assert.Equal([TestCsrs.Id], uris);
        Assert.Equal(0, others);
        Assert.False(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(ca.Subject, leaf.Issuer);
        Assert.False(leaf.HasPrivateKey);
    }

    [Fact]
    public void Issue_Ttl_ValidFromNowTruncatedForTtl()
    {
        using var ca = CaBootstrap.CreateRoot("cluster.local", Now.AddDays(-1), TimeSpan.FromDays(365));
        var (key, identity) = CsrValidator.Validate(TestCsrs.Valid(), "cluster.local");

        using var leaf = CertificateIssuer.Issue(key, identity, ca, Now, TimeSpan.FromSeconds(4));

        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), leaf.NotBefore.ToUniversalTime());
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 9, DateTimeKind.Utc), leaf.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void Issue_TtlBeyondCaExpiry_EndsWithTheCa()
    {
        using var ca = CaBootstrap.CreateRoot("cluster.local", Now.AddDays(-1), TimeSpan.FromDays(2));
        var (key, identity) = CsrValidator.Validate(TestCsrs.Valid(), "cluster.local");

        using var leaf = CertificateIssuer.Issue(key, identity, ca, Now, TimeSpan.FromDays(30));

        Assert.Equal(ca.NotAfter, leaf.NotAfter);
    }

    [Fact]
    public void NewSerial_Always16BytesPositiveWithoutLeadingZero()
    {
        var serials = Enumerable.Range(0, 200).Select(_ => CertificateIssuer.NewSerial()).ToArray();

        Assert.All(serials, s => Assert.InRange(s[0], 0x40, 0x7F));
    }
}
