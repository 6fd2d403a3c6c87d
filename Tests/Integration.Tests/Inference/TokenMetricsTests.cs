using System.Net;
using System.Text.Json;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Integration.Tests.Telemetry;

namespace OrleansMesh.Integration.Tests.Inference;

/// <summary>
/// The GenAI metrics on the gateway's admin <c>/metrics</c> after real requests to a demo model server: the token
/// counts equal the usage the server reported, from a JSON answer and from the last chunk of a stream.
/// </summary>
public sealed class TokenMetricsTests : IAsyncLifetime
{
    private const string Host = "metered-llm";
    private const string TokenUsage = "gen_ai_client_token_usage";

    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _model = null!;
    private AdminGatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _model = await ModelBackends.StartAsync(Host, "v1");
        await _mesh.ApplyAsync(_model.ServiceEntryYaml(Host));
        _gateway = await AdminGatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task JsonResponse_TokenUsageMetric_EqualsTheReportedUsage()
    {
        using var response = await _gateway.Proxy.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", InferenceRequests.Chat("json-model", maxTokens: 7)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var usage = answer.RootElement.GetProperty("usage");

        var scrape = await _gateway.ScrapeUntilAsync(s => Tokens(s, "json-model", "output") is not null, "the token usage being recorded");

        Assert.Equal(usage.GetProperty("prompt_tokens").GetInt32(), Tokens(scrape, "json-model", "input"));
        Assert.Equal(usage.GetProperty("completion_tokens").GetInt32(), Tokens(scrape, "json-model", "output"));
        Assert.Equal(7, usage.GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task StreamedResponse_TokenUsageMetric_EqualsTheLastChunksUsage()
    {
        using var response = await _gateway.Proxy.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", InferenceRequests.Chat("sse-model", stream: true, maxTokens: 5)));
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        using var last = JsonDocument.Parse(events[^2]["data: ".Length..]);
        var usage = last.RootElement.GetProperty("usage");

        var scrape = await _gateway.ScrapeUntilAsync(s => Tokens(s, "sse-model", "output") is not null, "the streamed token usage being recorded");

        Assert.Equal(usage.GetProperty("prompt_tokens").GetInt32(), Tokens(scrape, "sse-model", "input"));
        Assert.Equal(usage.GetProperty("completion_tokens").GetInt32(), Tokens(scrape, "sse-model", "output"));
        Assert.Equal(1, scrape.Find("gen_ai_server_time_to_first_token_seconds_count", ("gen_ai_request_model", "sse-model")).Sum(s => s.Value));
    }

    [Fact]
    public async Task Requests_AreTimedByRequestedAndResponseModel()
    {
        using var response = await _gateway.Proxy.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", InferenceRequests.Chat("timed-model")));
        await response.Content.ReadAsStringAsync();

        var scrape = await _gateway.ScrapeUntilAsync(
            s => s.Find("gen_ai_server_request_duration_seconds_count", ("gen_ai_request_model", "timed-model")).Any(), "the request duration being recorded");

        var sample = scrape.Find("gen_ai_server_request_duration_seconds_count", ("gen_ai_request_model", "timed-model")).Single();
        Assert.Equal(1, sample.Value);
        Assert.Equal(("chat", "openai", Host), (sample.Labels["gen_ai_operation_name"], sample.Labels["gen_ai_provider_name"], sample.Labels["gen_ai_response_model"]));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _model.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    // The histogram's sum for one request is that request's token count.
    private static double? Tokens(PrometheusScrape scrape, string model, string type) =>
        scrape.Find(TokenUsage + "_sum", ("gen_ai_request_model", model), ("gen_ai_token_type", type)).Select(s => (double?)s.Value).SingleOrDefault();
}
