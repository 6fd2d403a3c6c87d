using System.Diagnostics;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Routing;

/// <summary>Istio's request-routing and traffic-shifting tasks, with Bookinfo's own YAML, through a real gateway.</summary>
[Collection(BookinfoCollection.Name)]
public sealed class BookinfoRoutingTests(BookinfoFixture fixture)
{
    private const string Path = "/reviews/0";
    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task Reviews90To10_Over3000Requests_SplitsWithin3Points()
    {
        await fixture.Mesh.ApplyFileAsync(SharedCorpus.Bookinfo("virtual-service-reviews-90-10.yaml"));
        await WaitForVersionAsync("v1");

        var counts = await TrafficSample.CountVersionsAsync(Gateway, "reviews", Path, 3000);

        Assert.Equal(3000, counts.GetValueOrDefault("v1") + counts.GetValueOrDefault("v2"));
        Assert.InRange(counts.GetValueOrDefault("v1") / 30.0, 87, 93);
        Assert.InRange(counts.GetValueOrDefault("v2") / 30.0, 7, 13);
    }

    [Fact]
    public async Task ReviewsTestV2_EndUserJason_GoesToV2AndOthersToV1()
    {
        await fixture.Mesh.ApplyFileAsync(SharedCorpus.Bookinfo("virtual-service-reviews-test-v2.yaml"));
        await WaitForVersionAsync("v1");

        var jason = await TrafficSample.CountVersionsAsync(Gateway, "reviews", Path, 50, ("end-user", "jason"));
        var others = await TrafficSample.CountVersionsAsync(Gateway, "reviews", Path, 50, ("end-user", "alice"));
        var anonymous = await TrafficSample.CountVersionsAsync(Gateway, "reviews", Path, 50);

        Assert.Equal(new Dictionary<string, int> { ["v2"] = 50 }, jason);
        Assert.Equal(new Dictionary<string, int> { ["v1"] = 50 }, others);
        Assert.Equal(new Dictionary<string, int> { ["v1"] = 50 }, anonymous);
    }

    [Fact]
    public async Task ReviewsJasonV2V3_EndUserJason_GoesToV2AndOthersToV3()
    {
        await fixture.Mesh.ApplyFileAsync(SharedCorpus.Bookinfo("virtual-service-reviews-jason-v2-v3.yaml"));
        await WaitForVersionAsync("v3");

        var jason = await TrafficSample.CountVersionsAsync(Gateway, "reviews", Path, 50, ("end-user", "jason"));
        var others = await TrafficSample.CountVersionsAsync(Gateway, "reviews", Path, 50, ("end-user", "Jason"));

        Assert.Equal(new Dictionary<string, int> { ["v2"] = 50 }, jason);
        Assert.Equal(new Dictionary<string, int> { ["v3"] = 50 }, others);
    }

    [Fact]
    public async Task ChangingWeights_GatewayFollowsWithinOneSecond_WithoutRestart()
    {
        await fixture.Mesh.ApplyFileAsync(SharedCorpus.Bookinfo("virtual-service-all-v1.yaml"));
        await WaitForVersionAsync("v1");

        await fixture.Mesh.ApplyFileAsync(SharedCorpus.Bookinfo("virtual-service-reviews-v3.yaml"));
        var elapsed = Stopwatch.StartNew();
        await WaitForVersionAsync("v3", TimeSpan.FromSeconds(1));
        elapsed.Stop();

        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.Elapsed}");
        var counts = await TrafficSample.CountVersionsAsync(Gateway, "reviews", Path, 100);
        Assert.Equal(new Dictionary<string, int> { ["v3"] = 100 }, counts);
    }

    [Fact]
    public async Task UnknownHost_Returns404WithJsonError()
    {
        using var response = await Gateway.GetAsync("no-such-service", "/");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"unknown_host\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("NR", response.Headers.GetValues("x-mesh-response-flags").Single());
    }

    private async Task WaitForVersionAsync(string version, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = within ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            using var response = await Gateway.GetAsync("reviews", Path);
            if (response.Headers.TryGetValues(TrafficSample.VersionHeader, out var values) && values.Single() == version)
            {
                return;
            }

            Assert.True(deadline.Elapsed < limit, $"the gateway did not route to {version} within {limit}");
            await Task.Delay(10);
        }
    }
}
