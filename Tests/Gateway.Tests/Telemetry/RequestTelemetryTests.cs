using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Tests.Telemetry;

public sealed class RequestTelemetryTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly AccessLog _log;
    private readonly RequestTelemetry _telemetry;

    public RequestTelemetryTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _log = new AccessLog(Options.Create(new AccessLogOptions { Enabled = true }), new HostEnvironmentStub(), meters);
        _telemetry = new RequestTelemetry(new MeshMetrics(meters, Options.Create(new TelemetryOptions())), _log, _time, new LiveTelemetry());
    }

    [Fact]
    public void Complete_ForwardedRequest_LogsEnvoysFields()
    {
        var context = Request();
        var started = _telemetry.Start();
        _time.Advance(TimeSpan.FromMilliseconds(25));
        context.Response.StatusCode = 200;
        context.Response.ContentLength = 321;

        _telemetry.Complete(context, started, "chat", "v2", "127.0.0.1:9002", "canary", upstreamTime: TimeSpan.FromMilliseconds(20));

        Assert.True(_log.Reader.TryRead(out var entry));
        Assert.Equal(
            new AccessLogEntry(
                _time.GetUtcNow() - TimeSpan.FromMilliseconds(25), "POST", "/v1/chat/completions?x=1", "HTTP/1.1", 200, null, 12, 321,
                TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(20), "127.0.0.1:9002", "outbound||v2|chat", "canary", "chat.example.com",
                "10.1.2.3", "curl/8", "req-1", null),
            entry);
    }

    [Fact]
    public void Complete_MeshMadeResponse_TakesFlagsFromTheResponseHeader()
    {
        var context = Request();
        context.Response.StatusCode = 503;
        context.Response.Headers["x-mesh-response-flags"] = "UO";

        _telemetry.Complete(context, _telemetry.Start(), "chat", "v1", null, null);

        Assert.True(_log.Reader.TryRead(out var entry));
        Assert.Equal(("UO", 503), (entry.ResponseFlags, entry.ResponseCode));
    }

    [Fact]
    public void Complete_Request_CountsIstioRequestsTotalWithItsLabels()
    {
        var seen = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MeshMetricNames.MeterName && instrument.Name == MeshMetricNames.RequestsTotal)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => seen.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        var context = Request();
        context.Response.StatusCode = 429;
        context.Response.Headers["x-mesh-response-flags"] = "RL";

        _telemetry.Complete(context, _telemetry.Start(), "chat.models.svc.cluster.local", "v1", null, null);

        var (count, labels) = Assert.Single(seen);
        Assert.Equal(1, count);
        Assert.Equal(15, labels.Count);
        Assert.Equal(("429", "RL", "chat", "models", "v1"), (labels["response_code"], labels["response_flags"], labels["destination_service_name"], labels["destination_service_namespace"], labels["destination_version"]));
    }

    public void Dispose() => _services.Dispose();

    private static DefaultHttpContext Request()
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = "POST";
        request.Path = "/v1/chat/completions";
        request.QueryString = new QueryString("?x=1");
        request.Protocol = "HTTP/1.1";
        request.Host = new HostString("chat.example.com");
        request.ContentLength = 12;
        request.Headers["X-Forwarded-For"] = "10.1.2.3";
        request.Headers.UserAgent = "curl/8";
        request.Headers["X-Request-Id"] = "req-1";
        return context;
    }

    private sealed class HostEnvironmentStub : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = "";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
