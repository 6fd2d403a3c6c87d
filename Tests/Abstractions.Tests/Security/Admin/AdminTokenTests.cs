using Microsoft.Extensions.DependencyInjection;
using OrleansMesh.ControlPlane;
using OrleansMesh.Security.Admin;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Abstractions.Tests.Security.Admin;

public sealed class AdminTokenTests
{
    [Theory]
    [InlineData(typeof(IMeshConfigGrain), nameof(IMeshConfigGrain.ApplyAsync), true)]
    [InlineData(typeof(IMeshConfigGrain), nameof(IMeshConfigGrain.DeleteAsync), true)]
    [InlineData(typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.RevokeAsync), true)]
    [InlineData(typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.SignAsync), false)]
    [InlineData(typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.GetRevokedAsync), false)]
    [InlineData(typeof(IMeshConfigGrain), nameof(IMeshConfigGrain.GetSnapshotAsync), false)]
    public void IsAdminOperation_ChangesOrInventoryOnly(Type grain, string method, bool admin)
    {
        Assert.Equal(admin, AdminToken.IsAdminOperation(grain.GetMethod(method)));
    }

    [Fact]
    public void AddMeshAdminToken_ShortToken_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMeshAdminToken("short", enforce: true));

        Assert.StartsWith("OrleansMesh:AdminToken must be at least 16 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMeshAdminToken_NoToken_AddsNothing()
    {
        Assert.Empty(new ServiceCollection().AddMeshAdminToken(null, enforce: true));
    }

    [Fact]
    public void AddMeshAdminToken_Silo_SendsAndEnforces()
    {
        var services = new ServiceCollection().AddMeshAdminToken("0123456789abcdef", enforce: true);

        Assert.Equal([typeof(IOutgoingGrainCallFilter), typeof(IIncomingGrainCallFilter)], services.Select(s => s.ServiceType));
    }

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789abcdeF", false)]
    [InlineData("0123456789abcde", false)]
    [InlineData(null, false)]
    public void Matches_ExactTokenOnly(string? presented, bool matches)
    {
        Assert.Equal(matches, AdminToken.Matches("0123456789abcdef", presented));
    }
}
