using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Pipeline;

namespace OrleansMesh.Gateway.Tests.Inference;

public sealed class InferenceGateTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly InferenceGate _gate;

    public InferenceGateTests()
    {
        _gate = new InferenceGate(
            Options.Create(new InferenceOptions { MaxBodyBytes = 1024 }),
            new GenAiMetrics(_services.GetRequiredService<IMeterFactory>()),
            TimeProvider.System,
            NullLogger<InferenceGate>.Instance);
    }

    [Fact]
    public async Task PrepareAsync_OtherPath_RemovesTheClientsModelHeader()
    {
        var context = Context("/v1/models", "GET", null, null);
        context.Request.Headers[InferenceHeaders.Model] = "spoofed";

        Assert.True(await PrepareAsync(context));
        Assert.False(context.Request.Headers.ContainsKey(InferenceHeaders.Model));
        Assert.Null(context.Features.Get<InferenceRequest>());
    }

    [Fact]
    public async Task PrepareAsync_ChatBody_ReplacesTheClientsModelHeaderWithTheBodys()
    {
        var context = Context(InferencePaths.ChatCompletions, "POST", "application/json", """{"model":"chat-small","stream":true,"max_tokens":5}""");
        context.Request.Headers[InferenceHeaders.Model] = "chat-large";

        Assert.True(await PrepareAsync(context));
        Assert.Equal("chat-small", context.Request.Headers[InferenceHeaders.Model].ToString());
    }

    [Fact]
    public async Task PrepareAsync_ChatBody_PutsTheInferenceRequestInFeatures()
    {
        var body = """{"model":"chat-small","stream":true,"max_tokens":5}""";
        var context = Context(InferencePaths.ChatCompletions, "POST", "application/json; charset=utf-8", body);

        await PrepareAsync(context);

        var inference = context.Features.Get<InferenceRequest>()!;
        Assert.Equal(("chat-small", true, 5, (long)body.Length, InferenceOperation.Chat), (inference.Model, inference.Stream, inference.MaxTokens, inference.BodyLength, inference.Operation));
    }

    [Fact]
    public async Task PrepareAsync_ValidBody_LeavesTheBodyToForwardUnchanged()
    {
        var body = """{ "messages": [], "model" : "m" }""";
        var context = Context(InferencePaths.Embeddings, "POST", "application/json", body);

        await PrepareAsync(context);

        using var reader = new StreamReader(context.Request.Body);
        Assert.Equal(body, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task PrepareAsync_WrongContentType_Writes400InOpenAisErrorShape()
    {
        var context = Context(InferencePaths.Completions, "POST", "text/plain", """{"model":"m"}""");

        Assert.False(await PrepareAsync(context));

        Assert.Equal(400, context.Response.StatusCode);
        var error = Error(context);
        Assert.Equal(("invalid_request_error", "unsupported_content_type", JsonValueKind.Null), (error.GetProperty("type").GetString(), error.GetProperty("code").GetString(), error.GetProperty("param").ValueKind));
    }

    [Fact]
    public async Task PrepareAsync_MissingModel_Writes400NamingTheParam()
    {
        var context = Context(InferencePaths.ChatCompletions, "POST", "application/json", """{"messages":[]}""");

        Assert.False(await PrepareAsync(context));

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("model", Error(context).GetProperty("param").GetString());
    }

    [Fact]
    public async Task PrepareAsync_BodyOverTheLimit_Writes413()
    {
        var context = Context(InferencePaths.ChatCompletions, "POST", "application/json", $$"""{"model":"m","pad":"{{new string('x', 1024)}}"}""");

        Assert.False(await PrepareAsync(context));

        Assert.Equal((413, "request_too_large"), (context.Response.StatusCode, Error(context).GetProperty("code").GetString()));
    }

    [Fact]
    public async Task PrepareAsync_GetOnAnInferencePath_IsNotRead()
    {
        var context = Context(InferencePaths.ChatCompletions, "GET", null, null);

        Assert.True(await PrepareAsync(context));
        Assert.Null(context.Features.Get<InferenceRequest>());
    }

    [Fact]
    public async Task ResponseWrites_StreamedUsage_IsSetOnTheInferenceRequestAsWritten()
    {
        var context = Context(InferencePaths.ChatCompletions, "POST", "application/json", """{"model":"m","stream":true}""");
        await PrepareAsync(context);
        context.Response.ContentType = "text/event-stream";

        await context.Response.Body.WriteAsync("data: {\"model\":\"m-v1\",\"usage\":null}\n\ndata: {\"usage\":{\"prompt_tokens\":3,"u8.ToArray());
        await context.Response.Body.WriteAsync("\"completion_tokens\":4}}\n\ndata: [DONE]\n\n"u8.ToArray());

        var inference = context.Features.Get<InferenceRequest>()!;
        Assert.Equal((new TokenUsage(3, 4), "m-v1"), (inference.Usage, inference.ResponseModel));
        Assert.NotNull(inference.TimeToFirstToken);
    }

    [Fact]
    public async Task ResponseWrites_AreAllPassedThrough()
    {
        var context = Context(InferencePaths.ChatCompletions, "POST", "application/json", """{"model":"m","stream":true}""");
        var sink = (MemoryStream)context.Response.Body;
        await PrepareAsync(context);
        context.Response.ContentType = "text/event-stream";

        var first = "data: {\"a\":1}\n\nda"u8.ToArray();
        await context.Response.Body.WriteAsync(first);
        var afterFirstWrite = sink.Length;
        await context.Response.Body.WriteAsync("ta: [DONE]\n\n"u8.ToArray());

        Assert.Equal(first.Length, afterFirstWrite);
        Assert.Equal("data: {\"a\":1}\n\ndata: [DONE]\n\n", Encoding.UTF8.GetString(sink.ToArray()));
    }

    public void Dispose() => _services.Dispose();

    private static DefaultHttpContext Context(string path, string method, string? contentType, string? body)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonElement Error(HttpContext context)
    {
        var sink = (MemoryStream)context.Response.Body;
        return JsonDocument.Parse(sink.ToArray()).RootElement.GetProperty("error");
    }

    // The gate refuses; the request path answers the refusal (MeshAnswers), as it does for every step.
    private async Task<bool> PrepareAsync(HttpContext context)
    {
        if (await _gate.PrepareAsync(context) is not { } refusal)
        {
            return true;
        }

        await MeshAnswers.WriteAsync(context, refusal);
        return false;
    }
}
