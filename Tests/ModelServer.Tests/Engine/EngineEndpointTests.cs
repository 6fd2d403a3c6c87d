using OrleansMesh.Samples.ModelServer.Engine;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Engine;

public sealed class EngineEndpointTests
{
    [Fact]
    public async Task Metrics_EngineOn_ServesVllmGaugesWithTheirTypes()
    {
        await using var server = await RunningModelServer.StartAsync(Options());

        using var response = await server.Client.GetAsync(new Uri("/metrics", UriKind.Relative)).WaitAsync(Requests.Guard);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# TYPE vllm:num_requests_waiting gauge\nvllm:num_requests_waiting{engine=\"0\",model_name=\"demo-model\"} 0.0\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE vllm:num_requests_running gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE vllm:kv_cache_usage_perc gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("vllm:lora_requests_info{max_lora=\"2\",running_lora_adapters=\"\",waiting_lora_adapters=\"\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_EngineOnWithAdapter_AnswersAndCountsPrefixQueries()
    {
        await using var server = await RunningModelServer.StartAsync(Options() with { DecodeMs = 0, DecodeMsPerRunning = 0, PrefillMsPerToken = 0, LoraLoadMs = 0 });

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 3));
        var status = server.App.Services.GetRequiredService<SimulatedEngine>().Status();

        response.EnsureSuccessStatusCode();
        Assert.Equal(2, status.PrefixQueriedTokens);
        Assert.Equal((0, 0), (status.Running, status.Waiting));
    }

    [Fact]
    public void Render_AdapterNames_AreEscapedAsPrometheusLabelValues()
    {
        var status = new EngineStatus(1, 2, 0.5, ["a\"b"], [], 4, 0, 0);

        var text = EngineMetricsEndpoint.Render(status, "m", DateTimeOffset.FromUnixTimeSeconds(10));

        Assert.Contains("vllm:lora_requests_info{max_lora=\"4\",running_lora_adapters=\"a\\\"b\",waiting_lora_adapters=\"\"} 10.0\n", text, StringComparison.Ordinal);
        Assert.Contains("vllm:kv_cache_usage_perc{engine=\"0\",model_name=\"m\"} 0.5\n", text, StringComparison.Ordinal);
    }

    private static ModelServerOptions Options() => new() { Engine = true };
}
