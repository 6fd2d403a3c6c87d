using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Integration.Tests.Telemetry;

namespace OrleansMesh.Integration.Tests.Traffic;

/// <summary>
/// One mesh (1 silo), one gateway with its metrics endpoint, a primary model backend and a shadow backend per
/// behaviour: recording, held (a slow new model), answering 500, refusing connections, and one mirrored at 0 %.
/// </summary>
public sealed class MirrorFixture : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    internal MeshCluster Mesh { get; } = new(silos: 1);

    internal AdminGatewayHost Gateway { get; private set; } = null!;

    internal StatusBackend Primary { get; private set; } = null!;

    internal StatusBackend Shadow { get; private set; } = null!;

    internal StatusBackend HeldShadow { get; private set; } = null!;

    internal StatusBackend QuietShadow { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Mesh.StartAsync();
        Primary = await Start("primary");
        Shadow = await Start("shadow");
        HeldShadow = await Start("held-shadow", held: true);
        QuietShadow = await Start("quiet-shadow");
        var failing = await Start("failing-shadow", status: 500);

        await Mesh.ApplyAsync(string.Join("\n---\n",
            TrafficYaml.Service("chat-model", Primary.Port),
            TrafficYaml.Service("chat-model-next", Shadow.Port),
            TrafficYaml.Service("slow-model", HeldShadow.Port),
            TrafficYaml.Service("failing-model", failing.Port),
            TrafficYaml.Service("gone-model", TrafficYaml.ClosedPort()),
            TrafficYaml.Service("quiet-model", QuietShadow.Port),
            Mirrored("chat-model", "mirror: {host: chat-model-next}"),
            Mirrored("slow-chat", "mirror: {host: slow-model}"),
            Mirrored("failing-chat", "mirror: {host: failing-model}"),
            Mirrored("gone-chat", "mirror: {host: gone-model}"),
            Mirrored("unmirrored-chat", "mirror: {host: quiet-model}\nmirrorPercentage: {value: 0}"),
            Mirrored("sentinel-chat", "mirrors:\n- destination: {host: quiet-model}\n  percentage: {value: 100}")));
        Gateway = await AdminGatewayHost.StartAsync(Mesh.Grains);
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

    /// <summary>Posts a completion request to <paramref name="host"/> through the gateway.</summary>
    internal Task<HttpResponseMessage> PostAsync(string host, string body, string path = "/v1/chat/completions")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Host = host;
        return Gateway.Proxy.SendAsync(request);
    }

    // A VirtualService for the client-facing host, always answered by the primary backend, with a mirror.
    private static string Mirrored(string host, string mirror) => $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: {{host}}}
        spec:
          hosts: [{{host}}]
          http:
          - route:
            - destination: {host: chat-model}
        {{string.Concat(mirror.Split('\n').Select(line => "    " + line + "\n"))}}
        """;

    private async Task<StatusBackend> Start(string name, int status = 200, bool held = false)
    {
        var backend = await StatusBackend.StartAsync(status, held: held, name: name, record: true);
        _owned.Add(backend);
        return backend;
    }
}
