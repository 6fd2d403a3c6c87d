using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Silo.Dev;

/// <summary>Runs the demo's three model versions (two serving, one shadow) in the dev mesh's process, on the ports the demo config names.</summary>
internal sealed class DemoModelServers : IHostedService, IAsyncDisposable
{
    /// <summary>The model name and the (version, address) pairs that Samples/Demo/mesh-demo.yaml routes to.</summary>
    public const string ModelName = "chat-model";
    public static readonly (string Version, string Url)[] Versions = [("v1", "http://127.0.0.1:9001"), ("v2", "http://127.0.0.1:9002"), ("v3", "http://127.0.0.1:9003")];

    private readonly List<WebApplication> _servers = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (version, url) in Versions)
        {
            var server = ModelServerApp.Create(new ModelServerOptions { Name = ModelName, Version = version }, url);
            _servers.Add(server);
            await server.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
