using System.Diagnostics;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>
/// A gateway with tracing off (the default without an OTLP endpoint) makes no spans, so it sends no trace context of
/// its own upstream; a client's passes through unchanged, as Envoy's does without a tracer.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class UntracedGatewayTests : IAsyncLifetime
{
    private const string Host = "untraced-model";

    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _model = null!;
    private AdminGatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _model = await ModelBackends.StartAsync(Host, "v1");
        await _mesh.ApplyAsync(_model.ServiceEntryYaml(Host));
        _gateway = await AdminGatewayHost.StartAsync(_mesh.Grains);
        _client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = _gateway.Proxy.BaseAddress };
    }

    [Fact]
    public async Task RequestWithoutTraceContext_ReachesTheUpstreamWithoutOne()
    {
        var body = await EchoAsync();

        Assert.DoesNotContain("\"traceparent\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"b3\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientsTraceparent_ReachesTheUpstreamUnchanged()
    {
        var traceparent = $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

        var body = await EchoAsync(("traceparent", traceparent));

        Assert.Contains($"\"traceparent\":\"{traceparent}\"", body, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _model.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private async Task<string> EchoAsync(params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/echo");
        request.Headers.Host = Host;
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
