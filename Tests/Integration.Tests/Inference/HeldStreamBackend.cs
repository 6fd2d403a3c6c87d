namespace OrleansMesh.Integration.Tests.Inference;

/// <summary>
/// An SSE upstream on 127.0.0.1 the test drives: it sends one chunk, flushes, then waits until <see cref="Release"/>
/// (or the request is aborted, which it reports through <see cref="Aborted"/>), then sends the final chunk and
/// <c>[DONE]</c>.
/// </summary>
internal sealed class HeldStreamBackend : IAsyncDisposable
{
    public const string FirstChunk = """data: {"model":"held","choices":[{"index":0,"delta":{"content":"first"}}],"usage":null}""";
    public const string FinalChunk = """data: {"model":"held","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":2,"completion_tokens":1,"total_tokens":3}}""";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HeldStreamBackend()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public int Port => new Uri(_app.Urls.Single()).Port;

    /// <summary>Completes once the first chunk is flushed and the backend waits.</summary>
    public Task Waiting => _waiting.Task;

    /// <summary>Completes when the backend sees its request aborted while waiting.</summary>
    public Task Aborted => _aborted.Task;

    /// <summary>Completes once the backend has written its last byte.</summary>
    public Task Finished => _finished.Task;

    public static async Task<HeldStreamBackend> StartAsync()
    {
        var backend = new HeldStreamBackend();
        await backend._app.StartAsync();
        return backend;
    }

    public void Release() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(FirstChunk + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        _waiting.TrySetResult();
        try
        {
            await _release.Task.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            _aborted.TrySetResult();
            return;
        }

        await context.Response.WriteAsync(FinalChunk + "\n\ndata: [DONE]\n\n", context.RequestAborted);
        _finished.TrySetResult();
    }
}
