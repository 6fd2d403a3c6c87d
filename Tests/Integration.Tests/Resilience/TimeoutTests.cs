using System.Net;
using static OrleansMesh.Integration.Tests.Resilience.ResilienceRequests;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary><c>retries.perTryTimeout</c> and the route <c>timeout</c> spanning all attempts.</summary>
[Collection(ResilienceCollection.Name)]
public sealed class TimeoutTests(ResilienceFixture fixture)
{
    [Fact]
    public async Task PerTryTimeout_SlowEndpoint_IsRetriedOnTheFastOne()
    {
        var before = fixture.Slow.Requests;

        var statuses = await StatusesAsync(fixture.Gateway, "per-try", 4);

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.True(fixture.Slow.Requests > before, "no request reached the slow endpoint, so no per-try timeout fired");
    }

    [Fact]
    public async Task RouteTimeout_EveryEndpointSlow_Returns504UpstreamTimeoutAfterSeveralAttempts()
    {
        var before = fixture.SlowA.Requests + fixture.SlowB.Requests;

        using var response = await fixture.Gateway.GetAsync("overall", "/v1/models");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("UT", Flags(response));
        Assert.True(fixture.SlowA.Requests + fixture.SlowB.Requests - before >= 2, "the route timeout did not span several attempts");
    }

    [Fact]
    public async Task RouteTimeoutWithoutRetries_SlowEndpoint_Returns504UpstreamTimeoutAfterOneAttempt()
    {
        var before = fixture.SlowA.Requests;

        using var response = await fixture.Gateway.GetAsync("route-only", "/v1/models");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("UT", Flags(response));
        Assert.Equal(before + 1, fixture.SlowA.Requests);
    }
}
