using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class CaBootstrapTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CreateRoot_SelfSignedCaThatSignsCertificatesOnly()
    {
        using var root = CaBootstrap.CreateRoot("cluster.local", Now, TimeSpan.FromDays(3650));

        Assert.True(root.HasPrivateKey);
        Assert.Equal(root.Subject, root.Issuer);
        Assert.True(root.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, root.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
    }

    [Fact]
    public void CreateIntermediate_LeafVerifiesAgainstOperatorRootThroughIt()
    {
        using var operatorRoot = CaBootstrap.CreateRoot("cluster.local", Now, TimeSpan.FromDays(3650));
        using var intermediate = CaBootstrap.CreateIntermediate(operatorRoot, "cluster.local", Now, TimeSpan.FromDays(365));
        using var leaf = IssueLeaf(intermediate);
        var store = new MeshTrustStore(new FakeTimeProvider(Now.AddHours(1)));

        store.SetBundle(new TrustBundle { TrustDomain = "cluster.local", RootsPem = operatorRoot.ExportCertificatePem(), IntermediatesPem = intermediate.ExportCertificatePem() });

        Assert.True(store.Verify(leaf).Accepted);
    }

    [Fact]
    public void CreateIntermediate_WithoutIntermediateInBundle_LeafDoesNotChain()
    {
        using var operatorRoot = CaBootstrap.CreateRoot("cluster.local", Now, TimeSpan.FromDays(3650));
        using var intermediate = CaBootstrap.CreateIntermediate(operatorRoot, "cluster.local", Now, TimeSpan.FromDays(365));
        using var leaf = IssueLeaf(intermediate);
        var store = new MeshTrustStore(new FakeTimeProvider(Now.AddHours(1)));

        store.SetBundle(new TrustBundle { TrustDomain = "cluster.local", RootsPem = operatorRoot.ExportCertificatePem() });

        Assert.False(store.Verify(leaf).Accepted);
    }

    [Fact]
    public void CreateIntermediate_ValidityBeyondRoot_EndsWithTheRoot()
    {
        using var operatorRoot = CaBootstrap.CreateRoot("cluster.local", Now, TimeSpan.FromDays(30));

        using var intermediate = CaBootstrap.CreateIntermediate(operatorRoot, "cluster.local", Now, TimeSpan.FromDays(365));

        Assert.Equal(operatorRoot.NotAfter, intermediate.NotAfter);
    }

    private static X509Certificate2 IssueLeaf(X509Certificate2 ca)
    {
        var (key, identity) = CsrValidator.Validate(TestCsrs.Valid(), "cluster.local");
        return CertificateIssuer.Issue(key, identity, ca, Now, TimeSpan.FromHours(24));
    }
}
