using System.Collections.Concurrent;

namespace OrleansMesh.Integration.Tests.Framing;

/// <summary>
/// An upstream on 127.0.0.1 that notes the path of every request the moment it arrives (before its body is read), then
/// reads the body and answers 200 with <c>x-backend: marker</c>: how many requests carrying a marker reached it is
/// known even for requests the gateway later gave up on.
/// </summary>
internal sealed class MarkerUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _paths = new();

    private MarkerUpstream()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public int Port => new Uri(_app.Urls.Single()).Port;

    public static async Task<MarkerUpstream> StartAsync()
    {
        var upstream = new MarkerUpstream();
        await upstream._app.StartAsync();
        return upstream;
    }

    /// <summary>Requests received whose path contains <paramref name="marker"/>.</summary>
    public int Received(string marker) => _paths.Count(p => p.Contains(marker, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        _paths.Enqueue(context.Request.Path + context.Request.QueryString);
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.Headers["x-backend"] = "marker";
            await context.Response.WriteAsync("ok", context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The gateway gave up on the request (a body that broke the rules): nothing to answer.
        }
    }
}
