using System.Globalization;
using System.Threading.Channels;

namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>
/// An upstream on 127.0.0.1 that answers a fixed status, optionally after a delay or once released, after reading the
/// whole request body. It counts the requests it receives and those not yet answered, answers with
/// <c>x-backend: name</c>, <c>x-backend-port</c> and the body length in <c>x-body-length</c>, and, when recording,
/// keeps every request (Host, method, path and query, body) as soon as its body is read.
/// </summary>
internal sealed class StatusBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _status;
    private readonly TimeSpan _delay;
    private readonly Channel<ReceivedRequest>? _received;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;
    private int _inFlight;

    private StatusBackend(string name, int status, TimeSpan delay, bool held, bool record)
    {
        Name = name;
        _status = status;
        _delay = delay;
        _received = record ? Channel.CreateUnbounded<ReceivedRequest>() : null;
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

    /// <param name="status">The status every request gets.</param>
    /// <param name="delay">How long to wait before answering.</param>
    /// <param name="held">Answer only after <see cref="Release"/>.</param>
    /// <param name="name">The <c>x-backend</c> header, and the body's first word.</param>
    /// <param name="record">Keep every request for <see cref="NextAsync"/> (bodies are then held in memory).</param>
    public static async Task<StatusBackend> StartAsync(int status = 200, TimeSpan delay = default, bool held = false, string name = "backend", bool record = false)
    {
        var backend = new StatusBackend(name, status, delay, held, record);
        await backend._app.StartAsync();
        return backend;
    }

    /// <summary>The next request received, waiting up to 10 s for it; the backend must be recording.</summary>
    public async Task<ReceivedRequest> NextAsync()
    {
        var received = _received ?? throw new InvalidOperationException("started without record: true");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await received.Reader.ReadAsync(timeout.Token);
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
            var length = await ReadBodyAsync(context);
            await _release.Task.WaitAsync(context.RequestAborted);
            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, context.RequestAborted);
            }

            context.Response.StatusCode = _status;
            context.Response.Headers["x-backend"] = Name;
            context.Response.Headers["x-body-length"] = length.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["x-backend-port"] = Port.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsync(Name + " says " + _status, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The gateway gave up on this attempt (a timeout, or it stopped): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    // Recording keeps the body; otherwise it is only counted, so large bodies cost no memory.
    private async Task<long> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (_received is not null)
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            _received.Writer.TryWrite(new ReceivedRequest(request.Host.Value ?? "", request.Method, request.Path + request.QueryString, body.ToArray()));
            return body.Length;
        }

        var length = 0L;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            length += read;
        }

        return length;
    }
}
