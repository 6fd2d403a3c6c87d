using System.Net;
using static OrleansMesh.Integration.Tests.Resilience.ResilienceRequests;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>
/// A retry re-sends a request body only if the gateway buffered it (known length up to 64 KiB): a larger or chunked
/// body is streamed once, so a request whose body reached a failing endpoint gets that endpoint's answer.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class BodyReplayTests(ResilienceFixture fixture)
{
    [Fact]
    public async Task SmallBody_FirstEndpointAnswers503_IsSentWholeToTheOther()
    {
        var before = fixture.UnavailableReadingBodies.Requests;
        var results = new List<(HttpStatusCode Status, string Length)>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostAsync(fixture.Gateway, "bodies", new ByteArrayContent(new byte[1024]));
            results.Add((response.StatusCode, response.Headers.GetValues("x-body-length").Single()));
        }

        Assert.All(results, r => Assert.Equal((HttpStatusCode.OK, "1024"), r));
        Assert.True(fixture.UnavailableReadingBodies.Requests > before, "no request reached the 503 endpoint, so nothing was retried");
    }

    [Fact]
    public async Task LargeBody_FirstEndpointAnswers503_IsNotRetried()
    {
        await AssertStreamedBodiesAreNotRetriedAsync(() => new ByteArrayContent(new byte[200 * 1024]));
    }

    [Fact]
    public async Task ChunkedBody_FirstEndpointAnswers503_IsNotRetried()
    {
        await AssertStreamedBodiesAreNotRetriedAsync(() => new UnknownLengthContent(new byte[1024]));
    }

    private async Task AssertStreamedBodiesAreNotRetriedAsync(Func<HttpContent> body)
    {
        var before = fixture.UnavailableReadingBodies.Requests;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostAsync(fixture.Gateway, "bodies", body());
            statuses.Add(response.StatusCode);
        }

        var unavailable = statuses.Count(s => s == HttpStatusCode.ServiceUnavailable);
        Assert.True(unavailable > 0, "no request reached the 503 endpoint first");
        Assert.Equal(unavailable, fixture.UnavailableReadingBodies.Requests - before);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
    }
}
