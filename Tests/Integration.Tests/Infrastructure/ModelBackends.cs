using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>Demo model servers on 127.0.0.1, one per version, as the endpoints of one service.</summary>
internal sealed class ModelBackends : IAsyncDisposable
{
    private readonly List<WebApplication> _servers = [];

    public Dictionary<string, Uri> Addresses { get; } = [];

    public static async Task<ModelBackends> StartAsync(string name, params string[] versions)
    {
        var backends = new ModelBackends();
        foreach (var version in versions)
        {
            var server = ModelServerApp.Create(new ModelServerOptions { Name = name, Version = version, TokenDelayMs = 5 }, "http://127.0.0.1:0");
            backends._servers.Add(server);
            await server.StartAsync();
            backends.Addresses[version] = new Uri(server.Urls.Single());
        }

        return backends;
    }

    /// <summary>A ServiceEntry for <paramref name="host"/> listing every backend, labelled with its version.</summary>
    public string ServiceEntryYaml(string host, uint port = 9080)
    {
        var endpoints = string.Concat(Addresses.Select(a => $"""

              - address: 127.0.0.1
                ports:
                  http: {a.Value.Port}
                labels:
                  app: {host}
                  version: {a.Key}
            """));
        return $"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: {host}
            spec:
              hosts:
              - {host}
              location: MESH_INTERNAL
              resolution: STATIC
              ports:
              - number: {port}
                name: http
                protocol: HTTP
              endpoints:{endpoints}
            """;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }
}
