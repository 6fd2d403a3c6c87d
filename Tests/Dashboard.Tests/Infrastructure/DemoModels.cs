using System.Globalization;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>The demo's three versions of <c>chat-model</c>, in the test process on ports the OS chose.</summary>
internal sealed class DemoModels : IAsyncDisposable
{
    public const string Model = "chat-model";
    public static readonly string[] Versions = ["v1", "v2", "v3"];

    private readonly List<WebApplication> _servers = [];

    private DemoModels()
    {
    }

    /// <summary>The port of each version, in <see cref="Versions"/>' order.</summary>
    public List<int> Ports { get; } = [];

    public static async Task<DemoModels> StartAsync()
    {
        var models = new DemoModels();
        foreach (var version in Versions)
        {
            var port = FreePorts.Next();
            var server = ModelServerApp.Create(new ModelServerOptions { Name = Model, Version = version, LatencyMs = 2 }, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            models._servers.Add(server);
            models.Ports.Add(port);
            await server.StartAsync();
        }

        return models;
    }

    /// <summary>Samples/Demo/mesh-demo.yaml with the versions' ports in place of the demo's 9001–9003.</summary>
    public string DemoConfig()
    {
        var yaml = RepositoryFiles.Read("Samples", "Demo", "mesh-demo.yaml");
        for (var i = 0; i < Versions.Length; i++)
        {
            yaml = yaml.Replace($"http: {9001 + i}", $"http: {Ports[i].ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
        }

        return yaml;
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
