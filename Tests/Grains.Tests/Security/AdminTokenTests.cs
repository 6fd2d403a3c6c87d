using OrleansMesh.ControlPlane;
using OrleansMesh.Security.Admin;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Security;

public sealed class AdminTokenTests(AdminTokenClusterFixture fixture) : IClassFixture<AdminTokenClusterFixture>, IDisposable
{
    private IMeshConfigGrain Config => fixture.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);

    private ICertificateAuthorityGrain Ca => fixture.Client.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task ApplyAsync_NoToken_Refused()
    {
        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Config.ApplyAsync(new ApplyRequest()));

        Assert.Contains("OrleansMesh__AdminToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeAsync_WrongToken_Refused()
    {
        RequestContext.Set(AdminToken.RequestContextKey, "fedcba9876543210fedcba9876543210");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Ca.RevokeAsync("7F00"));
    }

    [Fact]
    public async Task ListIssuedAsync_SilosToken_Served()
    {
        RequestContext.Set(AdminToken.RequestContextKey, AdminTokenClusterFixture.Token);

        var issued = await Ca.ListIssuedAsync();

        Assert.Empty(issued);
    }

    [Fact]
    public async Task GetTrustBundleAsync_NotAnAdminOperation_ServedWithoutToken()
    {
        var bundle = await Ca.GetTrustBundleAsync();

        Assert.Equal("cluster.local", bundle.TrustDomain);
    }

    public void Dispose() => RequestContext.Clear();
}
