using OrleansMesh.Gateway.Telemetry;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> of a real gateway, scraped over HTTP and parsed: Istio's names and labels, the mesh-state gauges,
/// the convergence histogram, and the admin-port-only rule. Requests are recorded through <see cref="MeshMetrics"/>
/// with values unique to each test, as the request path does.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly MeshCluster _mesh = new(silos: 1);
    private AdminGatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        await _mesh.ApplyAsync(MeshYamlFor("first"));
        _gateway = await AdminGatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task Metrics_OnAdminPort_ServesIstioRequestMetricsWithTheirLabels()
    {
        var metrics = _gateway.Services.GetRequiredService<MeshMetrics>();

        metrics.RecordRequest(new RequestRecord("reviews.bookinfo.svc.cluster.local", "v2", "reviews-v2", null, null, MeshMetricNames.Http, 200, null, 10, 2500, TimeSpan.FromMilliseconds(42)));
        metrics.RecordRequest(new RequestRecord("reviews.bookinfo.svc.cluster.local", "v2", "reviews-v2", null, null, MeshMetricNames.Http, 200, null, 10, 2500, TimeSpan.FromMilliseconds(7)));
        var scrape = await _gateway.ScrapeAsync();

        var sample = Assert.Single(scrape.Find("istio_requests_total", ("destination_service", "reviews.bookinfo.svc.cluster.local")));
        Assert.Equal(2, sample.Value);
        Assert.Equal("counter", scrape.TypeOf("istio_requests_total"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["reporter"] = "source",
                ["source_workload"] = "istio-ingressgateway",
                ["source_workload_namespace"] = "istio-system",
                ["source_principal"] = "unknown",
                ["destination_service"] = "reviews.bookinfo.svc.cluster.local",
                ["destination_service_name"] = "reviews",
                ["destination_service_namespace"] = "bookinfo",
                ["destination_version"] = "v2",
                ["destination_workload"] = "reviews-v2",
                ["destination_workload_namespace"] = "bookinfo",
                ["destination_principal"] = "unknown",
                ["request_protocol"] = "http",
                ["response_code"] = "200",
                ["response_flags"] = "-",
                ["connection_security_policy"] = "unknown",
            },
            sample.Labels.Where(l => !l.Key.StartsWith("otel_", StringComparison.Ordinal)).ToDictionary());
    }

    [Fact]
    public async Task RequestDuration_IsAHistogramWithIstiosBuckets()
    {
        var metrics = _gateway.Services.GetRequiredService<MeshMetrics>();

        metrics.RecordRequest(new RequestRecord("ratings.bookinfo.svc.cluster.local", "v1", "ratings-v1", null, null, MeshMetricNames.Http, 200, null, 0, 10, TimeSpan.FromMilliseconds(30)));
        var scrape = await _gateway.ScrapeAsync();

        var buckets = scrape.Find("istio_request_duration_milliseconds_bucket", ("destination_service", "ratings.bookinfo.svc.cluster.local")).ToArray();
        Assert.Equal("histogram", scrape.TypeOf("istio_request_duration_milliseconds"));
        Assert.Equal([.. MeshMetricNames.DurationBuckets.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)), "+Inf"], buckets.Select(b => b.Labels["le"]));
        Assert.Equal(0, buckets.Single(b => b.Labels["le"] == "25").Value);
        Assert.Equal(1, buckets.Single(b => b.Labels["le"] == "50").Value);
        Assert.Equal(30, Assert.Single(scrape.Find("istio_request_duration_milliseconds_sum", ("destination_service", "ratings.bookinfo.svc.cluster.local"))).Value);
    }

    [Fact]
    public async Task RequestAndResponseBytes_AreHistogramsOfBodySizes()
    {
        var metrics = _gateway.Services.GetRequiredService<MeshMetrics>();

        metrics.RecordRequest(new RequestRecord("details.bookinfo.svc.cluster.local", "v1", "details-v1", null, null, MeshMetricNames.Http, 200, null, 123, 4567, TimeSpan.FromMilliseconds(1)));
        var scrape = await _gateway.ScrapeAsync();

        Assert.Equal(123, Assert.Single(scrape.Find("istio_request_bytes_sum", ("destination_service", "details.bookinfo.svc.cluster.local"))).Value);
        Assert.Equal(4567, Assert.Single(scrape.Find("istio_response_bytes_sum", ("destination_service", "details.bookinfo.svc.cluster.local"))).Value);
        Assert.Equal("histogram", scrape.TypeOf("istio_response_bytes"));
    }

    [Fact]
    public async Task MeshMadeResponses_CarryTheirResponseFlags()
    {
        var metrics = _gateway.Services.GetRequiredService<MeshMetrics>();

        metrics.RecordRequest(new RequestRecord("flags.test", "v1", null, null, null, MeshMetricNames.Http, 503, "UO", 0, 0, TimeSpan.Zero));
        metrics.RecordRequest(new RequestRecord("flags.test", null, null, null, null, MeshMetricNames.Http, 429, "RL", 0, 0, TimeSpan.Zero));
        var scrape = await _gateway.ScrapeAsync();

        Assert.Equal(1, Assert.Single(scrape.Find("istio_requests_total", ("destination_service", "flags.test"), ("response_code", "503"), ("response_flags", "UO"))).Value);
        Assert.Equal(1, Assert.Single(scrape.Find("istio_requests_total", ("destination_service", "flags.test"), ("response_code", "429"), ("response_flags", "RL"))).Value);
    }

    [Fact]
    public async Task ConfigGeneration_ReportsTheGenerationServed()
    {
        var generation = (await _mesh.Config.GetSnapshotAsync()).Generation;

        // The gateway serves a generation once its push arrived: scrape until it does (or the helper's bound fails it).
        var scrape = await _gateway.ScrapeUntilAsync(s => s.Find("orleansmesh_gateway_config_generation").Any(x => x.Value == generation), "the gateway serving the current generation");

        Assert.Contains(scrape.Find("orleansmesh_gateway_config_generation"), s => s.Value == generation);
    }

    [Fact]
    public async Task ConvergenceTime_AfterAPush_CountsThePushDelay()
    {
        var before = ConvergenceCount(await _gateway.ScrapeAsync());

        await _mesh.ApplyAsync(MeshYamlFor("second"));
        var scrape = await _gateway.ScrapeUntilAsync(s => ConvergenceCount(s) > before, "the push delay being recorded");

        Assert.Equal("histogram", scrape.TypeOf("pilot_proxy_convergence_time"));
        Assert.Equal(MeshMetricNames.ConvergenceBuckets.Length + 1, scrape.Find("pilot_proxy_convergence_time_bucket").Select(s => s.Labels["le"]).Distinct().Count());
    }

    [Fact]
    public async Task Metrics_OnTheProxyPort_GoesToTheMesh()
    {
        using var response = await _gateway.Proxy.GetAsync("/metrics");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NR", response.Headers.GetValues("x-mesh-response-flags").Single());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private static double ConvergenceCount(PrometheusScrape scrape) =>
        scrape.Find("pilot_proxy_convergence_time_count").Sum(s => s.Value);

    private static string MeshYamlFor(string name) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
        spec:
          hosts: [{name}.test]
          http:
          - directResponse: {"{status: 200}"}
        """;
}
