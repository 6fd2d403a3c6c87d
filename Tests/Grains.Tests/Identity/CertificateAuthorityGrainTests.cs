using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

[Collection(MeshClusterCollection.Name)]
public sealed class CertificateAuthorityGrainTests(MeshClusterFixture fixture)
{
    private readonly ICertificateAuthorityGrain ca = fixture.Client.GetGrain<ICertificateAuthorityGrain>($"ca-{Guid.NewGuid():N}");

    [Fact]
    public async Task SignAsync_ValidCsr_LeafChainsToTheTrustBundle()
    {
        var signed = await SignAsync(TestCsrs.Valid());
        var trust = new MeshTrustStore(TimeProvider.System);
        trust.SetBundle(await ca.GetTrustBundleAsync());

        using var leaf = X509Certificate2.CreateFromPem(signed.ChainPem);
        var verification = trust.Verify(leaf);

        Assert.Equal(TestCsrs.Id, verification.Identity?.ToString());
        Assert.Equal(leaf.SerialNumber, signed.SerialNumber);
    }

    [Fact]
    public async Task SignAsync_NoTtl_ValidFor24Hours()
    {
        var signed = await SignAsync(TestCsrs.Valid());

        Assert.Equal(TimeSpan.FromHours(24), signed.NotAfter - signed.NotBefore);
    }

    [Fact]
    public async Task SignAsync_TtlAboveMaximum_CutTo90Days()
    {
        var signed = await SignAsync(TestCsrs.Valid(ttl: TimeSpan.FromDays(400)));

        Assert.Equal(TimeSpan.FromDays(90), signed.NotAfter - signed.NotBefore);
    }

    [Fact]
    public async Task SignAsync_CsrForAnotherIdentity_ThrowsAndIssuesNothing()
    {
        var request = TestCsrs.WithSans("spiffe://cluster.local/ns/default/sa/admin");

        await Assert.ThrowsAsync<ArgumentException>(() => ca.SignAsync(request));

        Assert.Empty(await ca.ListIssuedAsync());
    }

    [Fact]
    public async Task ListIssuedAsync_AfterSign_HasSerialIdentityAndExpiry()
    {
        var signed = await SignAsync(TestCsrs.Valid(ttl: TimeSpan.FromHours(1)));

        var issued = Assert.Single(await ca.ListIssuedAsync());

        Assert.Equal((signed.SerialNumber, TestCsrs.Id, signed.NotAfter, (DateTimeOffset?)null), (issued.SerialNumber, issued.SpiffeId, issued.NotAfter, issued.RevokedAt));
    }

    [Fact]
    public async Task RevokeAsync_IssuedSerialInLowerCase_ListedAsRevoked()
    {
        var signed = await SignAsync(TestCsrs.Valid());

        var revoked = await ca.RevokeAsync(signed.SerialNumber.ToLowerInvariant());

        Assert.True(revoked);
        Assert.Equal([signed.SerialNumber], (await ca.GetRevokedAsync()).ToArray());
        Assert.NotNull(Assert.Single(await ca.ListIssuedAsync()).RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_UnknownSerial_ReturnsFalse()
    {
        await SignAsync(TestCsrs.Valid());

        Assert.False(await ca.RevokeAsync("4ABC"));
        Assert.Empty(await ca.GetRevokedAsync());
    }

    [Fact]
    public async Task GetTrustBundleAsync_SameRootAcrossCalls_AndNoPrivateKey()
    {
        var first = await ca.GetTrustBundleAsync();
        var second = await ca.GetTrustBundleAsync();
        var signed = await SignAsync(TestCsrs.Valid());

        Assert.Equal(first, second);
        Assert.Equal("cluster.local", first.TrustDomain);
        Assert.DoesNotContain("PRIVATE KEY", first.RootsPem + first.IntermediatesPem + signed.ChainPem, StringComparison.Ordinal);
        using var root = X509Certificate2.CreateFromPem(first.RootsPem);
        Assert.False(root.HasPrivateKey);
    }

    private async Task<SignedCertificate> SignAsync(CertificateSigningRequest request) => await ca.SignAsync(await TestCsrs.EntitledAsync(ca, request));
}
