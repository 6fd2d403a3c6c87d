using System.Diagnostics;
using OpenTelemetry.Trace;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>
/// One trace across client, gateway and demo model server, caught by OpenTelemetry's in-memory exporter: the
/// gateway's server span is the client's child, its upstream attempt a client span under it, and the model server's
/// server span the attempt's child (the <c>traceparent</c> the gateway sent); B3 headers join the trace the same way.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class TracingTests : IAsyncLifetime
{
    private const string Host = "traced-model";

    private readonly MeshCluster _mesh = new(silos: 1);
    private readonly List<Activity> _spans = [];
    private ModelBackends _model = null!;
    private AdminGatewayHost _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _model = await ModelBackends.StartAsync(Host, "v1");
        await _mesh.ApplyAsync(_model.ServiceEntryYaml(Host));
        _gateway = await AdminGatewayHost.StartAsync(
            _mesh.Grains,
            new() { ["OrleansMesh:Gateway:Telemetry:Tracing"] = "true", ["OrleansMesh:Gateway:Telemetry:SamplingRatio"] = "1" },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));

        // The test plays a traced client: its own traceparent must reach the gateway, not one its HttpClient makes up.
        _client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = _gateway.Proxy.BaseAddress };
    }

    [Fact]
    public async Task ProxiedRequest_MakesOneTraceAcrossGatewayAndModelServer()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var clientSpanId = ActivitySpanId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/traced");
        request.Headers.Host = Host;
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{clientSpanId.ToHexString()}-01");
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Trace(traceId).Length >= 3, "the gateway, upstream and model server spans being exported");

        var spans = Trace(traceId);
        var gateway = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.ParentSpanId == clientSpanId);
        var attempt = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == gateway.SpanId);
        var model = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.ParentSpanId == attempt.SpanId);
        Assert.Equal("/v1/traced", model.GetTagItem("url.path"));
        Assert.Equal(200, gateway.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task ProxiedRequest_UpstreamReceivesTheAttemptsTraceparent()
    {
        var traceId = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/echo");
        request.Headers.Host = Host;
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await Eventually.TrueAsync(() => Trace(traceId).Any(s => s.Kind == ActivityKind.Client), "the upstream attempt's span being exported");

        var attempt = Trace(traceId).Single(s => s.Kind == ActivityKind.Client);
        Assert.Contains($"\"traceparent\":\"00-{traceId.ToHexString()}-{attempt.SpanId.ToHexString()}-01\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task B3MultiHeaders_JoinTheTraceAndReachTheUpstreamAsTheAttemptsSpan()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var clientSpanId = ActivitySpanId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/echo");
        request.Headers.Host = Host;
        request.Headers.Add("X-B3-TraceId", traceId.ToHexString());
        request.Headers.Add("X-B3-SpanId", clientSpanId.ToHexString());
        request.Headers.Add("X-B3-Sampled", "1");
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await Eventually.TrueAsync(() => Trace(traceId).Any(s => s.Kind == ActivityKind.Client), "the upstream attempt's span being exported");

        var gateway = Assert.Single(Trace(traceId), s => s.Kind == ActivityKind.Server && s.ParentSpanId == clientSpanId);
        var attempt = Assert.Single(Trace(traceId), s => s.Kind == ActivityKind.Client && s.ParentSpanId == gateway.SpanId);
        Assert.Contains($"\"x-b3-traceid\":\"{traceId.ToHexString()}\"", body, StringComparison.Ordinal);
        Assert.Contains($"\"x-b3-spanid\":\"{attempt.SpanId.ToHexString()}\"", body, StringComparison.Ordinal);
        Assert.Contains($"\"x-b3-parentspanid\":\"{gateway.SpanId.ToHexString()}\"", body, StringComparison.Ordinal);
        Assert.Contains($"\"traceparent\":\"00-{traceId.ToHexString()}-{attempt.SpanId.ToHexString()}-01\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task B3SingleHeader_ReachesTheUpstreamInTheSameStyle()
    {
        var traceId = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/echo");
        request.Headers.Host = Host;
        request.Headers.Add("b3", $"{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-1");
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await Eventually.TrueAsync(() => Trace(traceId).Any(s => s.Kind == ActivityKind.Client), "the upstream attempt's span being exported");

        var attempt = Trace(traceId).Single(s => s.Kind == ActivityKind.Client);
        Assert.Contains($"\"b3\":\"{traceId.ToHexString()}-{attempt.SpanId.ToHexString()}-1\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("x-b3-traceid", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task W3COnlyRequest_SendsNoB3Upstream()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/echo");
        request.Headers.Host = Host;
        request.Headers.Add("traceparent", $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"traceparent\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"b3\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"x-b3-", body, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _model.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private Activity[] Trace(ActivityTraceId traceId)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => s.TraceId == traceId)];
        }
    }
}
