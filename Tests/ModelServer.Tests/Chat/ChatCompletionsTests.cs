using System.Net;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Chat;

public sealed class ChatCompletionsTests
{
    [Fact]
    public async Task Post_NonStreaming_ReturnsChatCompletionShape()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { Name = "llama", Version = "v2" });

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 5));
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("chatcmpl-", body.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.True(body.GetProperty("created").GetInt64() > 0);
        Assert.Equal("llama", body.GetProperty("model").GetString());
        Assert.Equal("llama-v2", body.GetProperty("system_fingerprint").GetString());
        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("Hello from llama v2: tokens", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        var usage = body.GetProperty("usage");
        Assert.Equal(2, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(5, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(7, usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Post_NoMaxTokens_RepliesWithDefaultSixteenWords()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", Requests.Chat());
        var body = await Requests.ReadJsonAsync(response);

        var content = body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        Assert.StartsWith("Hello from demo-model v1: ", content, StringComparison.Ordinal);
        Assert.Equal(16, content.Split(' ').Length);
        Assert.Equal(16, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Post_ContentAsParts_CountsTextParts()
    {
        await using var server = await RunningModelServer.StartAsync();
        const string Parts = """[{"type":"text","text":"one two"},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"three"}]""";

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 1, content: Parts));
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400InOpenAiErrorShape()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", "{\"messages\": [");
        var error = (await Requests.ReadJsonAsync(response)).GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("We could not parse the JSON body of your request.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, error.GetProperty("code").ValueKind);
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", (await Requests.ReadJsonAsync(response)).GetProperty("error").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("{\"model\":\"m\"}")]
    [InlineData("{\"model\":\"m\",\"messages\":[]}")]
    public async Task Post_MissingMessages_Returns400NamingMessages(string json)
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", json);
        var error = (await Requests.ReadJsonAsync(response)).GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Missing required parameter: 'messages'.", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("messages", error.GetProperty("param").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    public async Task Post_MaxTokensOutOfRange_Returns400(int maxTokens)
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens));
        var error = (await Requests.ReadJsonAsync(response)).GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"max_tokens must be between 1 and 4096, but was {maxTokens}.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Get_ChatCompletionsPath_IsEchoedNotAnswered()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await server.Client.GetAsync("/v1/chat/completions").WaitAsync(Requests.Guard);
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET", body.GetProperty("method").GetString());
    }
}
