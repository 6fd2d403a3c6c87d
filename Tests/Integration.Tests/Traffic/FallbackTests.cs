using System.Net;
using System.Text;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Resilience;

namespace OrleansMesh.Integration.Tests.Traffic;

/// <summary><c>x-orleansmesh.fallback</c> through a real gateway: which failures fall back, and in which order.</summary>
public sealed class FallbackTests(FallbackFixture fixture) : IClassFixture<FallbackFixture>
{
    private const string Completion = """{"model":"large","messages":[{"role":"user","content":"hello"}]}""";

    private StatusBackend Backend(string name) => fixture.Backends[name];

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    [Fact]
    public async Task Primary503_IsServedByTheFallbackWithTheSameBody()
    {
        using var response = await fixture.PostAsync("unavailable", Completion);
        var copy = await Backend("small").NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("small", "small"), (Header(response, "x-backend"), Header(response, "x-mesh-fallback")));
        // Istio's default retries (2, on 503) run first: the fallback comes after the destination's last attempt.
        Assert.Equal(3, Backend("unavailable").Requests);
        Assert.Equal(Completion, Encoding.UTF8.GetString(copy.Body));
    }

    [Fact]
    public async Task FirstFallbackFailing_IsFollowedByTheSecondInOrder()
    {
        using var response = await fixture.PostAsync("chain-a", Completion);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, "chain-c says 200"), (response.StatusCode, body));
        Assert.Equal("chain-c", Header(response, "x-mesh-fallback"));
        // chain-a's 503 gets Istio's default two retries; chain-b's 500 none (the default retries only 503).
        Assert.Equal((3, 1, 1, 0), (Backend("chain-a").Requests, Backend("chain-b").Requests, Backend("chain-c").Requests, Backend("chain-d").Requests));
    }

    [Fact]
    public async Task PrimarySucceeding_NeverFallsBack()
    {
        using var response = await fixture.PostAsync("healthy", Completion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("healthy", null), (Header(response, "x-backend"), Header(response, "x-mesh-fallback")));
        Assert.Equal(0, Backend("spare").Requests);
    }

    [Fact]
    public async Task Primary4xx_IsPassedOnWithoutFallback()
    {
        using var response = await fixture.PostAsync("not-found", Completion);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.NotFound, "not-found says 404"), (response.StatusCode, body));
        Assert.Equal(0, Backend("spare-404").Requests);
    }

    [Fact]
    public async Task PrimaryRefusingConnections_FallsBack()
    {
        using var response = await fixture.PostAsync("refused", Completion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rescue-refused", Header(response, "x-backend"));
    }

    [Fact]
    public async Task FailureNotInFailOn_IsPassedOn()
    {
        using var response = await fixture.PostAsync("strict", Completion);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("strict", Header(response, "x-backend"));
        Assert.Equal(0, Backend("spare-strict").Requests);
    }

    [Fact]
    public async Task PrimaryBreakerOpen_IsServedByTheFallbackWithoutReachingThePrimary()
    {
        var breaker = fixture.Mesh.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of("guarded", null));
        await breaker.OverrideAsync(BreakerOverride.ForcedOpen);
        try
        {
            // The gateway learns the breaker's state from the grain's push; until then the primary still answers.
            string? fallback = null;
            for (var i = 0; i < 200 && fallback is null; i++)
            {
                using var waiting = await fixture.PostAsync("guarded", Completion);
                fallback = Header(waiting, "x-mesh-fallback");
                await Task.Delay(fallback is null ? 50 : 0);
            }

            Assert.Equal("rescue", fallback);
            var reached = Backend("guarded").Requests;
            using var response = await fixture.PostAsync("guarded", Completion);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(("rescue", "rescue"), (Header(response, "x-backend"), Header(response, "x-mesh-fallback")));
            Assert.Equal(reached, Backend("guarded").Requests);
        }
        finally
        {
            await breaker.OverrideAsync(BreakerOverride.None);
        }
    }
}
