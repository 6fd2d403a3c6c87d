namespace OrleansMesh.Integration.Tests.ClusterWide;

/// <summary>
/// An upstream on 127.0.0.1 whose answer the test switches while traffic flows (healthy, failing, held), counting the
/// requests that reach it.
/// </summary>
internal sealed class FlakyBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _status;
    private int _requests;
    private TaskCompletionSource _release = Released();

    private FlakyBackend(int status)
    {
        _status = status;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public int Port => new Uri(_app.Urls.Single()).Port;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The status every request gets from now on.</summary>
    public int Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }

    public static async Task<FlakyBackend> StartAsync(int status = 200)
    {
        var backend = new FlakyBackend(status);
        await backend._app.StartAsync();
        return backend;
    }

    /// <summary>Holds every request from now on until <see cref="Release"/>.</summary>
    public void Hold() => Volatile.Write(ref _release, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Volatile.Read(ref _release).TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        await Volatile.Read(ref _release).Task.WaitAsync(context.RequestAborted);
        context.Response.StatusCode = Status;
        await context.Response.WriteAsync("backend", context.RequestAborted);
    }
}
