using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Streaming;

namespace OrleansMesh.ModelServer.Tests;

/// <summary>A real model server on 127.0.0.1 with an OS-assigned port, and a client pointed at it.</summary>
internal sealed class RunningModelServer : IAsyncDisposable
{
    private RunningModelServer(WebApplication app, string url)
    {
        App = app;
        Url = url;
        Client = new HttpClient { BaseAddress = new Uri(url) };
    }

    public WebApplication App { get; }

    /// <summary>The bound address as the server reports it, e.g. http://127.0.0.1:54321.</summary>
    public string Url { get; }

    public HttpClient Client { get; }

    public StreamingCounters Counters => App.Services.GetRequiredService<StreamingCounters>();

    public static async Task<RunningModelServer> StartAsync(ModelServerOptions? options = null, TimeProvider? time = null)
    {
        var app = ModelServerApp.Create(
            options ?? new ModelServerOptions(),
            services =>
            {
                if (time is not null)
                {
                    services.AddSingleton(time);
                }
            },
            "http://127.0.0.1:0");
        await app.StartAsync();
        return new RunningModelServer(app, app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
