using static OrleansMesh.Integration.Tests.Resilience.ResilienceRequests;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>VirtualService <c>retries</c> through a real gateway: retries go to another endpoint.</summary>
[Collection(ResilienceCollection.Name)]
public sealed class RetryTests(ResilienceFixture fixture)
{
    [Fact]
    public async Task Retries_5xxOnTwoOfThreeEndpoints_EveryRequestEndsOnTheHealthyOne()
    {
        var before = fixture.Unavailable.Requests;

        var statuses = await StatusesAsync(fixture.Gateway, "retry-5xx", 12);

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.True(fixture.Unavailable.Requests > before, "no request reached the 503 endpoint, so nothing was retried");
    }

    [Fact]
    public async Task DefaultRetries_503FromOneEndpoint_IsRetriedOnTheOther()
    {
        var before = fixture.UnavailableForDefaults.Requests;

        var statuses = await StatusesAsync(fixture.Gateway, "default-retries", 8);

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.True(fixture.UnavailableForDefaults.Requests > before, "no request reached the 503 endpoint, so nothing was retried");
    }
}
