using System.Net;
using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Gateway.Telemetry;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Samples.ModelServer.Security;
using static OrleansMesh.Integration.Tests.Identity.MtlsWorkloads;

namespace OrleansMesh.Integration.Tests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class GatewayIdentityTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Gateway_IdentityEnabled_GetsItsCertificateAndItsUpstreamClientReachesStrictServer()
    {
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains, await IngressIdentitySettingsAsync(fixture.Grains));
        var identity = gateway.Services.GetRequiredService<GatewayIdentity>();
        await Eventually.TrueAsync(() => identity.Workload?.Current is not null, "the gateway getting its mesh certificate");
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "behind-gateway");
        var (server, port, _) = await StartServerAsync(serverIdentity, MeshTlsMode.Strict);
        await using var _ = server;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{port}/healthz");

        using var response = await gateway.Services.GetRequiredService<UpstreamHttpClient>().Invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("spiffe://cluster.local/ns/istio-system/sa/ingress", identity.Workload!.CurrentIssued!.Identity.ToString());
    }

    [Fact]
    public async Task Gateway_IdentityEnabled_ExportsWhenItsCertificateExpires()
    {
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains, await IngressIdentitySettingsAsync(fixture.Grains));
        var identity = gateway.Services.GetRequiredService<GatewayIdentity>();
        await Eventually.TrueAsync(() => identity.Workload?.Current is not null, "the gateway getting its mesh certificate");

        var (expiry, tags) = Assert.Single(GaugeReader.Read(gateway.Services, MeshMetricNames.CertificateExpiry));

        Assert.Equal(identity.Workload!.CurrentIssued!.NotAfter.ToUnixTimeSeconds(), expiry);
        Assert.Equal("spiffe://cluster.local/ns/istio-system/sa/ingress", tags[MeshMetricNames.Principal]);
    }

    [Fact]
    public async Task Gateway_IdentityDisabled_ExportsNoCertificateExpiry()
    {
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains);

        Assert.Empty(GaugeReader.Read(gateway.Services, MeshMetricNames.CertificateExpiry));
    }

    [Fact]
    public async Task Gateway_IdentityDisabled_AsksTheCaForNothing()
    {
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains);

        Assert.Null(gateway.Services.GetRequiredService<GatewayIdentity>().Workload);
    }

    [Theory]
    [InlineData("spiffe://cluster.local/ns/models/sa/pinned-model", 200)]
    [InlineData("spiffe://cluster.local/ns/models/sa/someone-else", 503)]
    public async Task IstioMutualDestinationWithSubjectAltNames_ServesOnlyThePinnedIdentity(string pinned, int expected)
    {
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains, await IngressIdentitySettingsAsync(fixture.Grains));
        var identity = gateway.Services.GetRequiredService<GatewayIdentity>();
        await Eventually.TrueAsync(() => identity.Workload?.Current is not null, "the gateway getting its mesh certificate");
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "pinned-model");
        var (server, port, _) = await StartServerAsync(serverIdentity, MeshTlsMode.Strict);
        await using var _ = server;
        var host = "pinned-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Mesh.ApplyAsync(ClusterWide.MeshYaml.Destination(host, [port], $"tls:\n  mode: ISTIO_MUTUAL\n  subjectAltNames:\n  - {pinned}"));
        var store = gateway.Services.GetRequiredService<OrleansMesh.Gateway.Snapshot.GatewaySnapshotStore>();
        await Eventually.TrueAsync(() => store.Current.Routing.FindHost(host) is not null, "the gateway routing the mTLS host");

        using var response = await gateway.GetAsync(host, "/healthz");

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task IstioMutualDestination_GatewayRoutesToAStrictServerOverMtls()
    {
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains, await IngressIdentitySettingsAsync(fixture.Grains));
        var identity = gateway.Services.GetRequiredService<GatewayIdentity>();
        await Eventually.TrueAsync(() => identity.Workload?.Current is not null, "the gateway getting its mesh certificate");
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "mtls-model");
        var (server, port, _) = await StartServerAsync(serverIdentity, MeshTlsMode.Strict);
        await using var _ = server;
        var host = "mtls-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Mesh.ApplyAsync(ClusterWide.MeshYaml.Destination(host, [port], "tls:\n  mode: ISTIO_MUTUAL"));
        var store = gateway.Services.GetRequiredService<OrleansMesh.Gateway.Snapshot.GatewaySnapshotStore>();
        await Eventually.TrueAsync(() => store.Current.Routing.FindHost(host) is not null, "the gateway routing the mTLS host");

        using var response = await gateway.GetAsync(host, "/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
