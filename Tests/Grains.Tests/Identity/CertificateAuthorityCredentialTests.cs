using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>The CA signs only for a caller entitled to the identity (default settings: RequireWorkloadCredential on, no admin token).</summary>
[Collection(MeshClusterCollection.Name)]
public sealed class CertificateAuthorityCredentialTests(MeshClusterFixture fixture) : IDisposable
{
    private readonly ICertificateAuthorityGrain ca = fixture.Client.GetGrain<ICertificateAuthorityGrain>($"ca-{Guid.NewGuid():N}");

    [Fact]
    public async Task SignAsync_NoCredential_RefusedSayingHowToGetAToken()
    {
        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ca.SignAsync(TestCsrs.Valid()));

        Assert.StartsWith(
            $"Certificate request for {TestCsrs.Id} refused: no workload credential (join token or renewal proof) was sent. A first certificate needs a join token for namespace 'default', service account 'reviews': create one with 'meshctl identity token create --namespace default --service-account reviews'",
            error.Message,
            StringComparison.Ordinal);
        Assert.Empty(await ca.ListIssuedAsync());
    }

    [Fact]
    public async Task SignAsync_JoinTokenForTheIdentity_Signed()
    {
        var token = await ca.CreateJoinTokenAsync("default", "reviews", null);

        var signed = await ca.SignAsync(TestCsrs.Valid() with { JoinToken = token.Token });

        Assert.Equal(TestCsrs.Id, Assert.Single(await ca.ListIssuedAsync()).SpiffeId);
        Assert.NotEmpty(signed.SerialNumber);
    }

    [Fact]
    public async Task SignAsync_JoinTokenReusedByASecondReplica_Signed()
    {
        var token = await ca.CreateJoinTokenAsync("default", "reviews", null);
        await ca.SignAsync(TestCsrs.Valid() with { JoinToken = token.Token });

        await ca.SignAsync(TestCsrs.Valid() with { JoinToken = token.Token });

        Assert.Equal(2, (await ca.ListIssuedAsync()).Length);
    }

    [Fact]
    public async Task SignAsync_JoinTokenForAnotherServiceAccount_Refused()
    {
        var token = await ca.CreateJoinTokenAsync("default", "ratings", null);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ca.SignAsync(TestCsrs.Valid() with { JoinToken = token.Token }));

        Assert.Contains($"join token {token.Info.Id} is for namespace 'default', service account 'ratings'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_RevokedJoinToken_Refused()
    {
        var token = await ca.CreateJoinTokenAsync("default", "reviews", null);
        Assert.True(await ca.RevokeJoinTokenAsync(token.Info.Id));

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ca.SignAsync(TestCsrs.Valid() with { JoinToken = token.Token }));

        Assert.Contains($"join token {token.Info.Id} was revoked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_JoinTokenOfAnotherCa_Refused()
    {
        var other = fixture.Client.GetGrain<ICertificateAuthorityGrain>($"ca-{Guid.NewGuid():N}");
        var token = await other.CreateJoinTokenAsync("default", "reviews", null);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ca.SignAsync(TestCsrs.Valid() with { JoinToken = token.Token }));
    }

    [Fact]
    public async Task SignAsync_RenewalProofWithTheCurrentCertificate_SignedWithoutAToken()
    {
        var (current, key) = await FirstCertificateAsync();
        using (key)
        {
            var request = TestCsrs.Valid();

            var renewed = await ca.SignAsync(request with { CurrentCertificatePem = current, RenewalProof = RenewalProof.Create(key, request.Csr) });

            Assert.Equal(2, (await ca.ListIssuedAsync()).Length);
            Assert.NotEmpty(renewed.SerialNumber);
        }
    }

    [Fact]
    public async Task SignAsync_RenewalProofOfARevokedCertificate_Refused()
    {
        var (current, key) = await FirstCertificateAsync();
        using (key)
        {
            using var leaf = X509Certificate2.CreateFromPem(current);
            await ca.RevokeAsync(leaf.SerialNumber);
            var request = TestCsrs.Valid();

            var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                ca.SignAsync(request with { CurrentCertificatePem = current, RenewalProof = RenewalProof.Create(key, request.Csr) }));

            Assert.Contains($"the current certificate {leaf.SerialNumber} was revoked", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignAsync_RenewalProofForAnotherIdentity_Refused()
    {
        var (current, key) = await FirstCertificateAsync();
        using (key)
        {
            var request = TestCsrs.Valid("spiffe://cluster.local/ns/default/sa/admin");

            var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                ca.SignAsync(request with { CurrentCertificatePem = current, RenewalProof = RenewalProof.Create(key, request.Csr) }));

            Assert.Contains($"the current certificate is for {TestCsrs.Id}, not spiffe://cluster.local/ns/default/sa/admin", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignAsync_ForgedAdminVerificationMark_StillRefused()
    {
        // The mark the admin filter sets is an in-process object; a value sent over the wire never counts.
        RequestContext.Set("om.admin-verified", true);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ca.SignAsync(TestCsrs.Valid()));
    }

    [Fact]
    public async Task CreateJoinTokenAsync_NoTtl_ValidFor24Hours()
    {
        var created = await ca.CreateJoinTokenAsync("models", "chat-model", null);

        Assert.InRange(created.Info.ExpiresAt - created.Info.CreatedAt, TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        Assert.Equal(("models", "chat-model", (DateTimeOffset?)null), (created.Info.Namespace, created.Info.ServiceAccount, created.Info.RevokedAt));
    }

    [Fact]
    public async Task CreateJoinTokenAsync_TtlAboveOneYear_Refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ca.CreateJoinTokenAsync("models", "chat-model", TimeSpan.FromDays(366)));

        Assert.StartsWith("Join token refused: the TTL must be positive and at most 365.00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateJoinTokenAsync_InvalidServiceAccount_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ca.CreateJoinTokenAsync("models", "a/b", null));
    }

    [Fact]
    public async Task ListJoinTokensAsync_AfterCreateAndRevoke_ShowsIdsAndStatusButNeverTheToken()
    {
        var kept = await ca.CreateJoinTokenAsync("models", "chat-model", TimeSpan.FromHours(1));
        var revoked = await ca.CreateJoinTokenAsync("models", "embedder", TimeSpan.FromHours(2));
        await ca.RevokeJoinTokenAsync(revoked.Info.Id);

        var listed = await ca.ListJoinTokensAsync();

        Assert.Equal([kept.Info, revoked.Info with { RevokedAt = listed[1].RevokedAt }], listed.ToArray());
        Assert.NotNull(listed[1].RevokedAt);
        var shown = string.Join("\n", listed.Select(t => t.ToString()));
        Assert.DoesNotContain(kept.Token[JoinTokenFormat.Prefix.Length..].Split('.')[1], shown, StringComparison.Ordinal);
        Assert.DoesNotContain("omjt.", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeJoinTokenAsync_UnknownId_ReturnsFalse()
    {
        Assert.False(await ca.RevokeJoinTokenAsync("0123456789abcdef"));
    }

    public void Dispose() => RequestContext.Clear();

    private async Task<(string CertificatePem, System.Security.Cryptography.ECDsa Key)> FirstCertificateAsync()
    {
        SpiffeId.TryParse(TestCsrs.Id, out var id);
        var (key, csr) = WorkloadCsr.Create(id!);
        var token = await ca.CreateJoinTokenAsync("default", "reviews", null);
        var signed = await ca.SignAsync(new CertificateSigningRequest { Csr = csr, SpiffeId = TestCsrs.Id, JoinToken = token.Token });
        await ca.RevokeJoinTokenAsync(token.Info.Id);
        return (signed.ChainPem, key);
    }
}
