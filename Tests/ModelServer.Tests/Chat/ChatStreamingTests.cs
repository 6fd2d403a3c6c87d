using System.Text;
using System.Text.Json;
using OrleansMesh.ModelServer.Tests.Streaming;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Chat;

public sealed class ChatStreamingTests
{
    [Fact]
    public async Task Stream_FourTokens_SendsAnEventPerTokenThenUsageThenDone()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { TokenDelayMs = 0 });

        using var response = await Requests.PostStreamingAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 4, stream: true));
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        string[] expected = ["Hello", " from", " demo-model", " v1:"];
        string? id = null;
        for (var i = 0; i < expected.Length; i++)
        {
            using var chunk = JsonDocument.Parse((await events.ReadDataAsync())!);
            var root = chunk.RootElement;
            Assert.Equal("chat.completion.chunk", root.GetProperty("object").GetString());
            id ??= root.GetProperty("id").GetString();
            Assert.Equal(id, root.GetProperty("id").GetString());
            var choice = Assert.Single(root.GetProperty("choices").EnumerateArray());
            Assert.Equal(expected[i], choice.GetProperty("delta").GetProperty("content").GetString());
            Assert.Equal(JsonValueKind.Null, choice.GetProperty("finish_reason").ValueKind);
            Assert.False(root.TryGetProperty("usage", out _));
        }

        using (var final = JsonDocument.Parse((await events.ReadDataAsync())!))
        {
            var choice = Assert.Single(final.RootElement.GetProperty("choices").EnumerateArray());
            Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
            Assert.Equal(JsonValueKind.Object, choice.GetProperty("delta").ValueKind);
            Assert.False(choice.GetProperty("delta").TryGetProperty("content", out _));
            var usage = final.RootElement.GetProperty("usage");
            Assert.Equal(2, usage.GetProperty("prompt_tokens").GetInt32());
            Assert.Equal(4, usage.GetProperty("completion_tokens").GetInt32());
            Assert.Equal(6, usage.GetProperty("total_tokens").GetInt32());
        }

        Assert.Equal("[DONE]", await events.ReadDataAsync());
        Assert.Null(await events.ReadDataAsync());
        Assert.Equal(1, server.Counters.Completed);
    }

    [Fact]
    public async Task Stream_FirstChunk_CarriesAssistantRole()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { TokenDelayMs = 0 });

        using var response = await Requests.PostStreamingAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 2, stream: true));
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        using var first = JsonDocument.Parse((await events.ReadDataAsync())!);
        using var second = JsonDocument.Parse((await events.ReadDataAsync())!);

        Assert.Equal("assistant", first.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.False(second.RootElement.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Stream_ConcatenatedTokens_EqualNonStreamedContent()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { TokenDelayMs = 0 });

        using var whole = await Requests.PostAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 23));
        var expected = (await Requests.ReadJsonAsync(whole)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        using var response = await Requests.PostStreamingAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 23, stream: true));
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        var streamed = new StringBuilder();
        var tokenEvents = 0;
        while (await events.ReadDataAsync() is { } data && data != "[DONE]")
        {
            using var chunk = JsonDocument.Parse(data);
            if (chunk.RootElement.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var content))
            {
                streamed.Append(content.GetString());
                tokenEvents++;
            }
        }

        Assert.Equal(23, tokenEvents);
        Assert.Equal(expected, streamed.ToString());
    }

    [Fact]
    public async Task Stream_WithTokenDelay_SendsEachTokenBeforeTheNextIsDue()
    {
        var time = new ObservableTimeProvider();
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { TokenDelayMs = 250 }, time);

        using var response = await Requests.PostStreamingAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 3, stream: true));
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        // Time stands still, so the server is parked in its 250 ms wait: what has arrived was flushed on its own.
        Assert.Contains("\"Hello\"", await events.ReadDataAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(250), await time.NextTimerAsync());
        Assert.Equal(0, server.Counters.Completed);

        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Contains("\" from\"", await events.ReadDataAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(250), await time.NextTimerAsync());

        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Contains("\" demo-model\"", await events.ReadDataAsync(), StringComparison.Ordinal);
        Assert.Contains("\"usage\"", await events.ReadDataAsync(), StringComparison.Ordinal);
        Assert.Equal("[DONE]", await events.ReadDataAsync());
    }

    [Fact]
    public async Task Stream_ClientDisconnects_ServerStopsAndCountsCancellation()
    {
        var time = new ObservableTimeProvider();
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { TokenDelayMs = 1000 }, time);
        using var response = await Requests.PostStreamingAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 50, stream: true));
        var events = new SseReader(await response.Content.ReadAsStreamAsync());
        await events.ReadDataAsync();
        await time.NextTimerAsync();

        // Cancelling a pending read makes the client drop the connection; only that can end the server's wait.
        using (var cancel = new CancellationTokenSource())
        {
            var pending = events.ReadDataAsync(cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        }

        events.Dispose();
        await server.Counters.WaitForCancelledAsync(1, CancellationToken.None).WaitAsync(Requests.Guard);

        Assert.Equal(1, server.Counters.Started);
        Assert.Equal(1, server.Counters.Cancelled);
        Assert.Equal(0, server.Counters.Completed);
    }

    [Fact]
    public async Task Stream_HostStopping_EndsTheStreamCleanlyWithoutDone()
    {
        var time = new ObservableTimeProvider();
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { TokenDelayMs = 1000 }, time);
        using var response = await Requests.PostStreamingAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 50, stream: true));
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        await events.ReadDataAsync();
        await time.NextTimerAsync();

        server.App.Lifetime.StopApplication();

        Assert.Null(await events.ReadDataAsync());
        Assert.Equal(1, server.Counters.Cancelled);
    }
}
