using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class OperatorRootCaTests(OperatorRootClusterFixture fixture) : IClassFixture<OperatorRootClusterFixture>
{
    private readonly ICertificateAuthorityGrain ca = fixture.Client.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task GetTrustBundleAsync_OperatorRoot_IsTheRootAndTheMeshCaItsIntermediate()
    {
        var bundle = await ca.GetTrustBundleAsync();

        Assert.Equal(fixture.OperatorRootPem, bundle.RootsPem);
        using var intermediate = X509Certificate2.CreateFromPem(bundle.IntermediatesPem);
        using var root = X509Certificate2.CreateFromPem(bundle.RootsPem);
        Assert.Equal(root.Subject, intermediate.Issuer);
        Assert.DoesNotContain("PRIVATE KEY", bundle.RootsPem + bundle.IntermediatesPem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_UnderOperatorRoot_ChainVerifiesInItsTrustDomain()
    {
        var signed = await ca.SignAsync(await TestCsrs.EntitledAsync(ca, TestCsrs.Valid("spiffe://corp.example/ns/default/sa/reviews")));
        var trust = new MeshTrustStore(TimeProvider.System);
        trust.SetBundle(await ca.GetTrustBundleAsync());
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(signed.ChainPem);

        var verification = trust.Verify(chain[0]);

        Assert.Equal("spiffe://corp.example/ns/default/sa/reviews", verification.Identity?.ToString());
        Assert.Equal(2, chain.Count);
    }
}
