using System.Globalization;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>
/// An upstream on 127.0.0.1 that answers a fixed status, optionally after a delay or once released, after reading
/// the whole request body; it counts the requests it receives and echoes the body length in <c>x-body-length</c>.
/// </summary>
internal sealed class StatusBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _status;
    private readonly TimeSpan _delay;
    private int _requests;
    private int _inFlight;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StatusBackend(int status, TimeSpan delay, bool held)
    {
        _status = status;
        _delay = delay;
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

    public int Port => new Uri(_app.Urls.Single()).Port;

    public int Requests => Volatile.Read(ref _requests);

    public int InFlight => Volatile.Read(ref _inFlight);

    public static async Task<StatusBackend> StartAsync(int status = 200, TimeSpan delay = default, bool held = false)
    {
        var backend = new StatusBackend(status, delay, held);
        await backend._app.StartAsync();
        return backend;
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
            var length = 0L;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                length += read;
            }

            await _release.Task.WaitAsync(context.RequestAborted);
            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, context.RequestAborted);
            }

            context.Response.StatusCode = _status;
            context.Response.Headers["x-body-length"] = length.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["x-backend-port"] = Port.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsync("backend says " + _status, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The gateway gave up on this attempt (a timeout): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
