using OrleansMesh.Grains.Tests.Security;
using OrleansMesh.Security.Admin;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>On a silo with an admin token: join tokens are admin operations, and the admin token stands in for a workload credential.</summary>
public sealed class JoinTokenAdminGateTests(AdminTokenClusterFixture fixture) : IClassFixture<AdminTokenClusterFixture>, IDisposable
{
    private ICertificateAuthorityGrain Ca => fixture.Client.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task CreateJoinTokenAsync_NoAdminToken_Refused()
    {
        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Ca.CreateJoinTokenAsync("models", "chat-model", null));

        Assert.Contains("OrleansMesh__AdminToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJoinTokensAsync_NoAdminToken_Refused()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Ca.ListJoinTokensAsync());
    }

    [Fact]
    public async Task RevokeJoinTokenAsync_NoAdminToken_Refused()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Ca.RevokeJoinTokenAsync("0123456789abcdef"));
    }

    [Fact]
    public async Task CreateJoinTokenAsync_SilosAdminToken_Created()
    {
        RequestContext.Set(AdminToken.RequestContextKey, AdminTokenClusterFixture.Token);

        var created = await Ca.CreateJoinTokenAsync("models", "chat-model", null);

        Assert.StartsWith(JoinTokenFormat.Prefix, created.Token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_SilosAdminTokenAndNoWorkloadCredential_Signed()
    {
        RequestContext.Set(AdminToken.RequestContextKey, AdminTokenClusterFixture.Token);

        var signed = await Ca.SignAsync(TestCsrs.Valid());

        Assert.NotEmpty(signed.SerialNumber);
    }

    [Fact]
    public async Task SignAsync_WrongAdminTokenAndNoWorkloadCredential_Refused()
    {
        RequestContext.Set(AdminToken.RequestContextKey, "fedcba9876543210fedcba9876543210");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Ca.SignAsync(TestCsrs.Valid()));
    }

    [Fact]
    public async Task SignAsync_ForgedAdminVerificationMark_Refused()
    {
        RequestContext.Set("om.admin-verified", true);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Ca.SignAsync(TestCsrs.Valid()));
    }

    public void Dispose() => RequestContext.Clear();
}
