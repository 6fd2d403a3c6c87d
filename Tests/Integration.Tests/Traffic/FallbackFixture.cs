using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Traffic;

/// <summary>
/// One mesh (1 silo), one gateway, and per behaviour its own backends (so request counts stay per test): a route's
/// destination that fails in one way, and the fallback destinations behind it.
/// </summary>
public sealed class FallbackFixture : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    internal MeshCluster Mesh { get; } = new(silos: 1);

    internal GatewayHost Gateway { get; private set; } = null!;

    internal Dictionary<string, StatusBackend> Backends { get; } = [];

    public async Task InitializeAsync()
    {
        await Mesh.StartAsync();
        var documents = new List<string>();
        foreach (var (host, status) in new[]
        {
            ("unavailable", 503), ("small", 200),
            ("chain-a", 503), ("chain-b", 500), ("chain-c", 200), ("chain-d", 200),
            ("healthy", 200), ("spare", 200),
            ("not-found", 404), ("spare-404", 200),
            ("guarded", 200), ("rescue", 200),
            ("rescue-refused", 200),
            ("strict", 503), ("spare-strict", 200),
        })
        {
            var backend = await StatusBackend.StartAsync(status, name: host, record: true);
            _owned.Add(backend);
            Backends[host] = backend;
            documents.Add(TrafficYaml.Service(host, backend.Port));
        }

        documents.Add(TrafficYaml.Service("refused", TrafficYaml.ClosedPort()));
        documents.Add(WithFallback("unavailable", "small"));
        documents.Add(WithFallback("chain-a", "chain-b", "chain-c", "chain-d"));
        documents.Add(WithFallback("healthy", "spare"));
        documents.Add(WithFallback("not-found", "spare-404"));
        documents.Add(WithFallback("guarded", "rescue"));
        documents.Add(WithFallback("refused", "rescue-refused"));
        documents.Add(TrafficYaml.Route("strict", "x-orleansmesh:\n  fallback:\n    destinations: [{host: spare-strict}]\n    failOn: [connect-failure, circuit-open]"));
        documents.Add("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: guarded}
            spec:
              host: guarded
              trafficPolicy:
                x-orleansmesh:
                  circuitBreaker: {}
            """);
        await Mesh.ApplyAsync(string.Join("\n---\n", documents));
        Gateway = await GatewayHost.StartAsync(Mesh.Grains);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await Mesh.DisposeAsync();
    }

    internal Task<HttpResponseMessage> PostAsync(string host, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Host = host;
        return Gateway.Client.SendAsync(request);
    }

    private static string WithFallback(string host, params string[] fallbacks) =>
        TrafficYaml.Route(host, "x-orleansmesh:\n  fallback:\n    destinations:\n" + string.Join("\n", fallbacks.Select(f => "    - host: " + f)));
}
