using System.Net;
using OrleansMesh.Gateway.Telemetry;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.ClusterWide;

[Collection(ThreeGatewaysCollection.Name)]
public sealed class RateLimitTests(ThreeGatewaysFixture fixture)
{
    [Fact]
    public async Task GlobalLimit_ThreeGateways_AcceptWithinTheStatedTolerance()
    {
        await using var backend = await FlakyBackend.StartAsync();
        var host = "global-" + Guid.NewGuid().ToString("N")[..8];

        // 100 tokens and no refill to speak of: whatever the gateways accept comes out of the one bucket.
        await fixture.ApplyAsync(host, Limited(host, backend.Port, "rateLimit", burst: 100));

        var responses = await Load.RoundRobinAsync(fixture.Gateways, host, 300);
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);

        // Lease 5 (5 % of 100) and credit 5 per gateway: at most 3 × 5 idle in other gateways, at most 3 × 5 on credit.
        Assert.InRange(accepted, 100 - 15, 100 + 15);
        var rejected = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("RL", Assert.Single(rejected.Headers.GetValues("x-mesh-response-flags")));
        Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(accepted, backend.Requests);
    }

    [Fact]
    public async Task GlobalLimit_ConcurrentBurstBeyondTheCredit_IsServedFromTheBucketNotRefused()
    {
        await using var backend = await FlakyBackend.StartAsync();
        var host = "burst-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ApplyAsync(host, Limited(host, backend.Port, "rateLimit", burst: 100));
        var gateway = fixture.Gateways[0];

        // 40 at once on a bucket of 100 this gateway holds nothing of yet (credit 5, leases of 5): the requests beyond
        // the credit wait for the leases in flight instead of being refused by a share the gateway has not been given.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => gateway.GetAsync(host, "/")));

        // Not all 40: a lease that takes longer than the 200 ms wait on a loaded machine is a refusal, as designed.
        // Without the wait only the credit and what one lease brings pass (about 10).
        Assert.InRange(responses.Count(r => r.StatusCode == HttpStatusCode.OK), 30, 40);
    }

    [Fact]
    public async Task GlobalLimitPerHeaderKey_EachClientHasItsOwnBucket()
    {
        await using var backend = await FlakyBackend.StartAsync();
        var host = "tenant-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ApplyAsync(host, Limited(host, backend.Port, "rateLimit", burst: 20, key: "key:\n  header: x-tenant"));

        var a = await Load.RoundRobinAsync(fixture.Gateways, host, 60, ("x-tenant", "a"));
        var b = await Load.RoundRobinAsync(fixture.Gateways, host, 60, ("x-tenant", "b"));

        Assert.InRange(a.Count(r => r.StatusCode == HttpStatusCode.OK), 20 - 3, 20 + 3);
        Assert.InRange(b.Count(r => r.StatusCode == HttpStatusCode.OK), 20 - 3, 20 + 3);
    }

    [Fact]
    public async Task GlobalLimitPerHeaderKey_LeasedTokensAreOneSeriesPerLimitNotPerClient()
    {
        await using var backend = await FlakyBackend.StartAsync();
        var host = "gauge-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ApplyAsync(host, Limited(host, backend.Port, "rateLimit", burst: 100, key: "key:\n  header: x-tenant"));
        var gateway = fixture.Gateways[0];

        await Load.RoundRobinAsync([gateway], host, 2, ("x-tenant", "a"));
        await Load.RoundRobinAsync([gateway], host, 2, ("x-tenant", "b"));

        var series = GaugeReader.Read(gateway.Services, MeshMetricNames.RateLimitTokens)
            .Where(m => m.Tags[MeshMetricNames.Limit] is string limit && limit.Contains(host, StringComparison.Ordinal))
            .ToList();
        var (tokens, tags) = Assert.Single(series);
        Assert.Equal($"destination/{host}", tags[MeshMetricNames.Limit]);

        // Each tenant leased 5 (5 % of 100) and spent 2; what is left waits in the gateway until it goes back.
        Assert.InRange(tokens, 0, 2 * (5 + 5));
    }

    [Fact]
    public async Task LocalLimit_EachGatewayCountsOnItsOwn()
    {
        await using var backend = await FlakyBackend.StartAsync();
        var host = "local-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ApplyAsync(host, Limited(host, backend.Port, "localRateLimit", burst: 3));

        var responses = await Load.RoundRobinAsync(fixture.Gateways, host, 30);

        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(21, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task RouteLimit_AppliesToTheRoute()
    {
        await using var backend = await FlakyBackend.StartAsync();
        var host = "route-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ApplyAsync(host, MeshYaml.Destination(host, [backend.Port], "loadBalancer:\n  simple: ROUND_ROBIN", routeExtras: """
            x-orleansmesh:
              localRateLimit:
                requestsPerUnit: 1
                unit: HOUR
                burst: 2
            """));

        var responses = await Load.RoundRobinAsync([fixture.Gateways[0]], host, 5);

        Assert.Equal([200, 200, 429, 429, 429], responses.Select(r => (int)r.StatusCode));
    }

    // A bucket of `burst` tokens that refills one per hour: within a test, whatever passes comes out of the burst.
    private static string Limited(string host, int port, string kind, int burst, string key = "") => MeshYaml.Destination(host, [port], $"""
        loadBalancer:
          simple: ROUND_ROBIN
        x-orleansmesh:
          {kind}:
            requestsPerUnit: 1
            unit: HOUR
            burst: {burst}
        {string.Join("\n", key.Split('\n').Select(line => "    " + line))}
        """);
}
