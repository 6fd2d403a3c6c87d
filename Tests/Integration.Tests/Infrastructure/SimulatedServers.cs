using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>Demo model servers on 127.0.0.1 (OS-chosen ports), each with its own options, e.g. the simulated engine.</summary>
internal sealed class SimulatedServers : IAsyncDisposable
{
    private readonly List<WebApplication> _servers = [];
    private readonly List<int> _ports = [];
    private readonly HashSet<int> _stopped = [];

    public int Count => _servers.Count;

    public static async Task<SimulatedServers> StartAsync(params ModelServerOptions[] options)
    {
        var servers = new SimulatedServers();
        foreach (var option in options)
        {
            var server = ModelServerApp.Create(option, "http://127.0.0.1:0");
            servers._servers.Add(server);
            await server.StartAsync();
            servers._ports.Add(new Uri(server.Urls.Single()).Port);
        }

        return servers;
    }

    /// <summary><c>127.0.0.1:PORT</c> of server <paramref name="index"/>.</summary>
    public string Port(int index) => $"127.0.0.1:{_ports[index]}";

    /// <summary>A WorkloadEntry per server, labelled <c>app: <paramref name="app"/></c>, its port named <c>http</c>.</summary>
    public string WorkloadEntriesYaml(string app) => string.Join("\n---\n", _ports.Select((port, i) => $"""
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: {app}-{i}
        spec:
          address: 127.0.0.1
          ports:
            http: {port}
          labels:
            app: {app}
        """));

    /// <summary>Stops server <paramref name="index"/>: its port refuses connections from then on.</summary>
    public async Task StopAsync(int index)
    {
        await _servers[index].StopAsync();
        await _servers[index].DisposeAsync();
        _stopped.Add(index);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _servers.Count; i++)
        {
            if (!_stopped.Contains(i))
            {
                await _servers[i].StopAsync();
                await _servers[i].DisposeAsync();
            }
        }
    }
}
