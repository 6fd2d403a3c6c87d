using System.Globalization;
using System.Threading.Channels;

namespace OrleansMesh.Integration.Tests.Traffic;

/// <summary>
/// An upstream on 127.0.0.1 that records every request it receives (Host, method, path and query, body) as soon as
/// its body is read, then answers a fixed status, <c>x-backend: name</c> and the body length in <c>x-body-length</c>, at once or, when held, once released.
/// </summary>
internal sealed class RecordingBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _status;
    private int _requests;
    private int _inFlight;

    private RecordingBackend(string name, int status, bool held)
    {
        Name = name;
        _status = status;
        if (!held)
        {
            _release.SetResult();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public string Name { get; }

    public int Port => new Uri(_app.Urls.Single()).Port;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests received and not yet answered (held ones included).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public static async Task<RecordingBackend> StartAsync(string name, int status = 200, bool held = false)
    {
        var backend = new RecordingBackend(name, status, held);
        await backend._app.StartAsync();
        return backend;
    }

    /// <summary>The next request received, waiting up to 10 s for it.</summary>
    public async Task<ReceivedRequest> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Lets held requests answer, and later ones at once.</summary>
    public void Release() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _inFlight);
        try
        {
            var request = context.Request;
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            _received.Writer.TryWrite(new ReceivedRequest(request.Host.Value ?? "", request.Method, request.Path + request.QueryString, body.ToArray()));
            await _release.Task.WaitAsync(context.RequestAborted);
            context.Response.StatusCode = _status;
            context.Response.Headers["x-backend"] = Name;
            context.Response.Headers["x-body-length"] = body.Length.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsync(Name + " says " + _status, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The gateway gave up on this request (a timeout, or it stopped): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
