using System.Net;
using OrleansMesh.ModelServer.Tests.Streaming;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Completions;

public sealed class CompletionsTests
{
    [Fact]
    public async Task Post_Prompt_ReturnsTextCompletionShape()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { Version = "v9" });

        using var response = await Requests.PostAsync(server.Client, "/v1/completions", """{"model":"m","prompt":"say something nice","max_tokens":6}""");
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text_completion", body.GetProperty("object").GetString());
        Assert.StartsWith("cmpl-", body.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("demo-model-v9", body.GetProperty("system_fingerprint").GetString());
        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray());
        Assert.Equal("Hello from demo-model v9: tokens flow", choice.GetProperty("text").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(3, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(6, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Post_PromptArrayOfTokenIds_CountsEachId()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/completions", """{"prompt":[[1,2],[3]],"max_tokens":1}""");
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal(3, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }

    [Fact]
    public async Task Post_NoPrompt_Returns400NamingPrompt()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/completions", """{"model":"m"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("prompt", (await Requests.ReadJsonAsync(response)).GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Stream_TwoTokens_SendsTwoTextEventsThenUsageThenDone()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { TokenDelayMs = 0 });

        using var response = await Requests.PostStreamingAsync(server.Client, "/v1/completions", """{"prompt":"hi","max_tokens":2,"stream":true}""");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        Assert.Contains("\"text\":\"Hello\"", await events.ReadDataAsync(), StringComparison.Ordinal);
        Assert.Contains("\"text\":\" from\"", await events.ReadDataAsync(), StringComparison.Ordinal);
        var final = await events.ReadDataAsync();
        Assert.Contains("\"finish_reason\":\"stop\"", final, StringComparison.Ordinal);
        Assert.Contains("\"completion_tokens\":2", final, StringComparison.Ordinal);
        Assert.Equal("[DONE]", await events.ReadDataAsync());
    }
}
