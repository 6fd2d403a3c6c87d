using System.Net;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Integration.Tests.Infrastructure;
using static OrleansMesh.Integration.Tests.Resilience.ResilienceRequests;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>DestinationRule <c>connectionPool</c> limits, enforced per gateway without queueing beyond them.</summary>
[Collection(ResilienceCollection.Name)]
public sealed class ConnectionPoolTests(ResilienceFixture fixture)
{
    [Fact]
    public async Task Overflow_OneConnectionAndOnePendingBusy_Returns503UpstreamOverflow()
    {
        var limiter = Limiter("pool");
        var first = fixture.Gateway.GetAsync("pool", "/first");
        var second = fixture.Gateway.GetAsync("pool", "/second");
        await Eventually.TrueAsync(() => limiter.Current == 2, "two requests admitted (one on the connection, one pending)");

        using var third = await fixture.Gateway.GetAsync("pool", "/third");
        fixture.Held.Release();
        using var firstResponse = await first;
        using var secondResponse = await second;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal("UO", Flags(third));
        Assert.Contains("upstream_overflow", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstResponse.StatusCode, secondResponse.StatusCode));
    }

    private ConcurrencyLimiter Limiter(string host)
    {
        var snapshot = fixture.Gateway.Services.GetRequiredService<GatewaySnapshotStore>().Current;
        var forward = Assert.IsType<ForwardAction>(snapshot.Routing.FindHost(host)!.Routes[0].Action);
        return forward.Destinations[0].Cluster.Resilience.Requests!;
    }
}
