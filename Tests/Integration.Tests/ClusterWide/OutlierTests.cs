using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.ClusterWide;

[Collection(ThreeGatewaysCollection.Name)]
public sealed class OutlierTests(ThreeGatewaysFixture fixture)
{
    [Fact]
    public async Task EjectedThroughOneGateway_NoGatewaySendsToIt()
    {
        await using var good = await FlakyBackend.StartAsync(status: 200);
        await using var bad = await FlakyBackend.StartAsync(status: 503);
        var host = "eject-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ApplyAsync(host, Outliers(host, good.Port, bad.Port, baseEjectionTime: "60s"));

        // Every gateway reports once, so the grain knows where to push.
        foreach (var gateway in fixture.Gateways)
        {
            (await gateway.GetAsync(host, "/")).Dispose();
        }

        for (var i = 0; i < 20 && !fixture.Gateways.All(g => ThreeGatewaysFixture.Health(g, host)!.AnyEjected); i++)
        {
            (await fixture.Gateways[0].GetAsync(host, "/")).Dispose();
        }

        await Eventually.TrueAsync(() => fixture.Gateways.All(g => ThreeGatewaysFixture.Health(g, host)!.AnyEjected), "the ejection reaching every gateway", TimeSpan.FromSeconds(2));
        var before = bad.Requests;

        var responses = await Load.RoundRobinAsync(fixture.Gateways, host, 30);

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(before, bad.Requests);
    }

    [Fact]
    public async Task Ejected_ReturnsAfterBaseEjectionTime()
    {
        await using var good = await FlakyBackend.StartAsync(status: 200);
        await using var bad = await FlakyBackend.StartAsync(status: 503);
        var host = "return-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ApplyAsync(host, Outliers(host, good.Port, bad.Port, baseEjectionTime: "1s"));
        var gateway = fixture.Gateways[1];

        // The ejection is decided by the destination's grain from the gateways' reports and pushed back: wait for it
        // by time, not by a count of requests, which a fast machine sends before the first report lands.
        await Eventually.TrueAsync(
            () =>
            {
                gateway.GetAsync(host, "/").GetAwaiter().GetResult().Dispose();
                return ThreeGatewaysFixture.Health(gateway, host)!.AnyEjected;
            },
            "the failing endpoint ejected",
            TimeSpan.FromSeconds(5));
        bad.Status = 200;
        var before = bad.Requests;

        await Eventually.TrueAsync(
            () =>
            {
                gateway.GetAsync(host, "/").GetAwaiter().GetResult().Dispose();
                return bad.Requests > before;
            },
            "the ejected endpoint getting traffic again",
            TimeSpan.FromSeconds(5));
    }

    private static string Outliers(string host, int good, int bad, string baseEjectionTime) => MeshYaml.Destination(host, [good, bad], $"""
        loadBalancer:
          simple: ROUND_ROBIN
        outlierDetection:
          consecutive5xxErrors: 3
          interval: 1s
          baseEjectionTime: {baseEjectionTime}
          maxEjectionPercent: 50
        """);
}
