using System.Diagnostics;
using System.Net;
using OrleansMesh.Samples.ModelServer.Security;
using static OrleansMesh.Integration.Tests.Identity.MtlsWorkloads;

namespace OrleansMesh.Integration.Tests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class RotationTests(IdentityFixture fixture)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task ShortLivedCertificates_RotatedUnderLiveTraffic_NoRequestFails()
    {
        await using var serverIdentity = await IdentityAsync(fixture.Grains, "rotating-server", Ttl);
        await using var gatewayIdentity = await IdentityAsync(fixture.Grains, "rotating-gateway", Ttl);
        var (server, port, presented) = await StartServerAsync(serverIdentity, MeshTlsMode.Strict);
        await using var _ = server;
        var gatewaySerials = new HashSet<string>();
        gatewayIdentity.Renewed += issued => { lock (gatewaySerials) { gatewaySerials.Add(issued.SerialNumber); } };

        // Short-lived pooled connections: new handshakes keep happening, each with whatever certificates are current.
        using var client = GatewayClient(gatewayIdentity, connectionLifetime: TimeSpan.FromMilliseconds(250));
        var clock = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var seen = new List<HttpStatusCode?>();
            while (clock.Elapsed < TimeSpan.FromSeconds(13))
            {
                seen.Add(await TryGetAsync(client, $"https://127.0.0.1:{port}/healthz"));
                await Task.Delay(50);
            }

            return seen;
        }));

        var all = statuses.SelectMany(s => s).ToArray();
        Assert.All(all, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.InRange(presented.Presented.Count, 3, 20);
        Assert.InRange(gatewaySerials.Count, 2, 20);
    }
}
