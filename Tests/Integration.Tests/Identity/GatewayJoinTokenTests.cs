using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Integration.Tests.Identity;

/// <summary>A gateway's first certificate needs a join token for its own identity; renewals prove possession of the current certificate instead.</summary>
[Collection(IdentityCollection.Name)]
public sealed class GatewayJoinTokenTests(IdentityFixture fixture)
{
    private ICertificateAuthorityGrain Ca => fixture.Grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task Gateway_JoinTokenRevokedAfterFirstCertificate_StillRenewsWithItsCurrentCertificate()
    {
        var token = await Ca.CreateJoinTokenAsync("istio-system", "renewing-ingress", null);
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains, Settings("renewing-ingress", token.Token, ttl: "00:00:04"));
        var identity = gateway.Services.GetRequiredService<GatewayIdentity>();
        await Eventually.TrueAsync(() => identity.Workload?.Current is not null, "the gateway getting its first mesh certificate");
        var first = identity.Workload!.CurrentIssued!.SerialNumber;

        Assert.True(await Ca.RevokeJoinTokenAsync(token.Info.Id));
        await Eventually.TrueAsync(() => identity.Workload.CurrentIssued!.SerialNumber != first, "the gateway renewing without its (revoked) join token", TimeSpan.FromSeconds(10));

        Assert.Equal("spiffe://cluster.local/ns/istio-system/sa/renewing-ingress", identity.Workload.CurrentIssued!.Identity.ToString());
        Assert.Null(identity.LastFailure);
    }

    [Fact]
    public async Task Gateway_JoinTokenForAnotherServiceAccount_RefusedAndSaysWhy()
    {
        var token = await Ca.CreateJoinTokenAsync("istio-system", "someone-else", null);
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains, Settings("impostor", token.Token));
        var identity = gateway.Services.GetRequiredService<GatewayIdentity>();

        await Eventually.TrueAsync(() => identity.LastFailure is not null, "the gateway's first certificate request being refused");

        Assert.Null(identity.Workload);
        Assert.Contains($"join token {token.Info.Id} is for namespace 'istio-system', service account 'someone-else', not 'istio-system', 'impostor'", identity.LastFailure, StringComparison.Ordinal);
        Assert.Contains("meshctl identity token create --namespace istio-system --service-account impostor", identity.LastFailure, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string serviceAccount, string token, string? ttl = null) => new()
    {
        ["OrleansMesh:Gateway:Identity:Enabled"] = "true",
        ["OrleansMesh:Gateway:Identity:ServiceAccount"] = serviceAccount,
        ["OrleansMesh:Gateway:Identity:JoinToken"] = token,
        ["OrleansMesh:Gateway:Identity:Ttl"] = ttl,
    };
}
