using System.Net;
using OrleansMesh.Samples.ModelServer.Security;
using static OrleansMesh.Integration.Tests.Identity.MtlsWorkloads;

namespace OrleansMesh.Integration.Tests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class MtlsModelServerTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Strict_PlainTextClient_Refused()
    {
        await using var workload = await IdentityAsync(fixture.Grains, "strict-plain");
        var (server, port, _) = await StartServerAsync(workload, MeshTlsMode.Strict);
        await using var _ = server;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        Assert.Null(await TryGetAsync(client, $"http://127.0.0.1:{port}/healthz"));
    }

    [Fact]
    public async Task Strict_TlsClientWithoutCertificate_Refused()
    {
        await using var workload = await IdentityAsync(fixture.Grains, "strict-nocert");
        var (server, port, _) = await StartServerAsync(workload, MeshTlsMode.Strict);
        await using var _ = server;
        using var client = TlsClient(null);

        Assert.Null(await TryGetAsync(client, $"https://127.0.0.1:{port}/healthz"));
    }

    [Fact]
    public async Task Strict_ClientCertificateFromAnotherCa_Refused()
    {
        await using var workload = await IdentityAsync(fixture.Grains, "strict-foreign");
        var (server, port, _) = await StartServerAsync(workload, MeshTlsMode.Strict);
        await using var _ = server;
        using var client = TlsClient(ForeignCertificate());

        Assert.Null(await TryGetAsync(client, $"https://127.0.0.1:{port}/healthz"));
    }

    [Fact]
    public async Task Strict_GatewayUpstreamClientWithMeshCertificate_Served()
    {
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "strict-ok");
        await using var gatewayIdentity = await IdentityAsync(fixture.Grains, "gateway-ok");
        var (server, port, _) = await StartServerAsync(serverIdentity, MeshTlsMode.Strict);
        await using var _ = server;
        using var client = GatewayClient(gatewayIdentity);

        Assert.Equal(HttpStatusCode.OK, await TryGetAsync(client, $"https://127.0.0.1:{port}/healthz"));
    }

    [Fact]
    public async Task GatewayUpstreamClient_ServerWithForeignCertificate_Refused()
    {
        await using var gatewayIdentity = await IdentityAsync(fixture.Grains, "gateway-foreign");
        await using var foreign = new ForeignServerIdentity(ForeignCertificate());
        var (server, port) = await foreign.StartAsync();
        await using var _ = server;
        using var client = GatewayClient(gatewayIdentity);

        Assert.Null(await TryGetAsync(client, $"https://127.0.0.1:{port}/healthz"));
    }

    [Fact]
    public async Task Permissive_PlainTextAndMeshTlsClients_BothServed()
    {
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "permissive");
        await using var gatewayIdentity = await IdentityAsync(fixture.Grains, "gateway-permissive");
        var (server, port, _) = await StartServerAsync(serverIdentity, MeshTlsMode.Permissive);
        await using var _ = server;
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var mesh = GatewayClient(gatewayIdentity);

        Assert.Equal(HttpStatusCode.OK, await TryGetAsync(plain, $"http://127.0.0.1:{port}/healthz"));
        Assert.Equal(HttpStatusCode.OK, await TryGetAsync(mesh, $"https://127.0.0.1:{port}/healthz"));
    }

    [Fact]
    public async Task Permissive_ClientCertificateFromAnotherCa_Refused()
    {
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "permissive-foreign");
        var (server, port, _) = await StartServerAsync(serverIdentity, MeshTlsMode.Permissive);
        await using var _ = server;
        using var client = TlsClient(ForeignCertificate());

        Assert.Null(await TryGetAsync(client, $"https://127.0.0.1:{port}/healthz"));
    }
}
