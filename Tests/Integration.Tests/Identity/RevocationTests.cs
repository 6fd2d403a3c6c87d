using System.Diagnostics;
using System.Net;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Samples.ModelServer.Security;
using OrleansMesh.Security.Identity;
using static OrleansMesh.Integration.Tests.Identity.MtlsWorkloads;

namespace OrleansMesh.Integration.Tests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class RevocationTests(IdentityFixture fixture)
{
    private ICertificateAuthorityGrain Ca => fixture.Grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task Revoke_ServerCertificate_GatewayRefusesItWithinSeconds()
    {
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "revoked-server");
        await using var gatewayIdentity = await IdentityAsync(fixture.Grains, "gateway-revocation");
        var (server, port, _) = await StartServerAsync(serverIdentity, MeshTlsMode.Strict);
        await using var _ = server;
        using (var before = GatewayClient(gatewayIdentity))
        {
            Assert.Equal(HttpStatusCode.OK, await TryGetAsync(before, $"https://127.0.0.1:{port}/healthz"));
        }

        var clock = Stopwatch.StartNew();
        Assert.True(await Ca.RevokeAsync(serverIdentity.CurrentIssued!.SerialNumber));
        await Eventually.TrueAsync(() => gatewayIdentity.Trust.Revoked.Contains(serverIdentity.CurrentIssued!.SerialNumber), "the gateway learning of the revocation", TimeSpan.FromSeconds(5));
        using var after = GatewayClient(gatewayIdentity);

        Assert.Null(await TryGetAsync(after, $"https://127.0.0.1:{port}/healthz"));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Revoke_GatewayCertificate_StrictServerRefusesIt()
    {
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "server-revocation");
        await using var gatewayIdentity = await IdentityAsync(fixture.Grains, "revoked-gateway");
        var (server, port, _) = await StartServerAsync(serverIdentity, MeshTlsMode.Strict);
        await using var _ = server;

        Assert.True(await Ca.RevokeAsync(gatewayIdentity.CurrentIssued!.SerialNumber));
        await Eventually.TrueAsync(() => serverIdentity.Trust.Revoked.Contains(gatewayIdentity.CurrentIssued!.SerialNumber), "the server learning of the revocation", TimeSpan.FromSeconds(5));
        using var client = GatewayClient(gatewayIdentity);

        Assert.Null(await TryGetAsync(client, $"https://127.0.0.1:{port}/healthz"));
    }
}
