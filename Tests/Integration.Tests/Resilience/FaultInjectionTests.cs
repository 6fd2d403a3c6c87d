using System.Net;
using OrleansMesh.Integration.Tests.Infrastructure;
using static OrleansMesh.Integration.Tests.Resilience.ResilienceRequests;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>
/// VirtualService <c>fault</c> as in Istio's fault-injection task: Bookinfo's ratings abort file as written, a short
/// delay variant of its delay file (the 7 s of the original would only slow the suite), and abort percentages.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class FaultInjectionTests(ResilienceFixture fixture)
{
    [Fact]
    public async Task BookinfoAbort_Jason_Gets500WithFaultInjectedFlag()
    {
        using var response = await fixture.Gateway.GetAsync("ratings", "/ratings/0", ("end-user", "jason"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("FI", Flags(response));
        Assert.Contains("fault filter abort", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookinfoAbort_OtherUsers_ReachRatingsV1()
    {
        Assert.Equal("v1", await TrafficSample.VersionOfAsync(fixture.Gateway, "ratings", "/v1/models", ("end-user", "alice")));
    }

    [Fact]
    public async Task Delay_Jason_IsForwardedWithDelayFlag()
    {
        using var response = await fixture.Gateway.GetAsync("delayed", "/v1/models", ("end-user", "jason"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DI", Flags(response));
    }

    [Fact]
    public async Task Delay_OtherUsers_AreNotDelayed()
    {
        using var response = await fixture.Gateway.GetAsync("delayed", "/v1/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Flags(response));
    }

    [Fact]
    public async Task Abort30Percent_2000Requests_AbortsAboutThatShare()
    {
        var aborted = 0;
        await Parallel.ForAsync(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            using var response = await fixture.Gateway.GetAsync("sometimes", "/v1/models");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && Flags(response) == "FI")
            {
                Interlocked.Increment(ref aborted);
            }
        });

        // The gateway draws from an unseeded random: ±5 points is about five standard deviations at 2,000 requests
        // (the seeded unit test holds ±3).
        Assert.InRange(aborted / 20.0, 25, 35);
    }
}
