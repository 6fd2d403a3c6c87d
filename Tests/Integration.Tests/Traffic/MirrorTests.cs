using System.Net;
using System.Text;

namespace OrleansMesh.Integration.Tests.Traffic;

/// <summary>Istio's <c>mirror</c>/<c>mirrors</c> through a real gateway: copies, their Host, and the client's response left alone.</summary>
public sealed class MirrorTests(MirrorFixture fixture) : IClassFixture<MirrorFixture>
{
    private const string Completion = """{"model":"chat","messages":[{"role":"user","content":"hello"}]}""";

    [Fact]
    public async Task Mirror_PostedCompletion_ShadowGetsSameRequestWithShadowHost()
    {
        using var response = await fixture.PostAsync("chat-model", Completion, "/v1/chat/completions?api-version=1");
        var copy = await fixture.Shadow.NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("primary", response.Headers.GetValues("x-backend").Single());
        Assert.Equal(Encoding.UTF8.GetByteCount(Completion).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("x-body-length").Single());
        Assert.Equal(("chat-model-shadow", "POST", "/v1/chat/completions?api-version=1"), (copy.Host, copy.Method, copy.PathAndQuery));
        Assert.Equal(Completion, Encoding.UTF8.GetString(copy.Body));
    }

    [Fact]
    public async Task Mirror_ShadowHeld_PrimaryAnswersWhileShadowIsStillHeld()
    {
        using var response = await fixture.PostAsync("slow-chat", Completion);
        var body = await response.Content.ReadAsStringAsync();
        var copy = await fixture.HeldShadow.NextAsync();

        // The client has its whole response, and the shadow has its copy and has not answered it.
        Assert.Equal((HttpStatusCode.OK, "primary says 200"), (response.StatusCode, body));
        Assert.Equal("slow-chat-shadow", copy.Host);
        Assert.Equal(1, fixture.HeldShadow.InFlight);
        fixture.HeldShadow.Release();
    }

    [Fact]
    public async Task Mirror_ShadowAnswers500_ClientGetsPrimaryAndMirrorIsCounted()
    {
        using var response = await fixture.PostAsync("failing-chat", Completion);
        var body = await response.Content.ReadAsStringAsync();

        var scrape = await fixture.Gateway.ScrapeUntilAsync(
            s => s.Find("orleansmesh_mirror_requests_total", ("destination_service", "failing-model"), ("response_code", "500")).Any(),
            "the failing mirror being counted");
        Assert.Equal((HttpStatusCode.OK, "primary says 200"), (response.StatusCode, body));
        Assert.Equal(1, scrape.Find("orleansmesh_mirror_request_duration_milliseconds_count", ("destination_service", "failing-model")).Sum(s => s.Value));
    }

    [Fact]
    public async Task Mirror_ShadowRefusesConnections_ClientGetsPrimaryAndFailureIsCounted()
    {
        using var response = await fixture.PostAsync("gone-chat", Completion);
        var body = await response.Content.ReadAsStringAsync();

        var scrape = await fixture.Gateway.ScrapeUntilAsync(
            s => s.Find("orleansmesh_mirror_requests_total", ("destination_service", "gone-model")).Any(),
            "the refused mirror being counted");
        Assert.Equal((HttpStatusCode.OK, "primary says 200"), (response.StatusCode, body));
        var sample = scrape.Find("orleansmesh_mirror_requests_total", ("destination_service", "gone-model")).Single();
        Assert.Equal(("0", "UF"), (sample.Labels["response_code"], sample.Labels["response_flags"]));
    }

    [Fact]
    public async Task MirrorPercentageZero_SendsNoCopy()
    {
        for (var i = 0; i < 20; i++)
        {
            using var unmirrored = await fixture.PostAsync("unmirrored-chat", Completion);
            Assert.Equal(HttpStatusCode.OK, unmirrored.StatusCode);
        }

        // A route mirroring every request to the same shadow, sent last: once its copy is in, the others would be too.
        using var sentinel = await fixture.PostAsync("sentinel-chat", Completion);
        var copy = await fixture.QuietShadow.NextAsync();

        Assert.Equal("sentinel-chat-shadow", copy.Host);
        Assert.Equal(1, fixture.QuietShadow.Requests);
    }

    [Fact]
    public async Task Mirror_Responses_AreCountedApartFromIstioMetrics()
    {
        using var response = await fixture.PostAsync("chat-model", Completion);
        await fixture.Shadow.NextAsync();

        // Whatever the copy's outcome (its status is the shadow's business), it is counted in the mirror series only.
        var scrape = await fixture.Gateway.ScrapeUntilAsync(
            s => s.Find("orleansmesh_mirror_requests_total", ("destination_service", "chat-model-next")).Any(),
            "the mirror being counted");
        Assert.Empty(scrape.Find("istio_requests_total", ("destination_service", "chat-model-next")));
        Assert.NotEmpty(scrape.Find("istio_requests_total", ("destination_service", "chat-model"), ("response_code", "200")));
    }
}
