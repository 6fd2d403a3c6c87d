using System.Net;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Resilience;

namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>
/// Istio's request metrics after real traffic through the gateway. These need the request path's one call to
/// <c>MeshMetrics.RecordRequest</c> (in <c>MeshRequestPipeline</c>); they are skipped until it is made.
/// </summary>
public sealed class RequestMetricsTests : IAsyncLifetime
{
    private const string Host = "metered-model";

    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _model = null!;
    private AdminGatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _model = await ModelBackends.StartAsync(Host, "v1", "v2");
        await _mesh.ApplyAsync(_model.ServiceEntryYaml(Host));
        await _mesh.ApplyAsync($$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: {{Host}}
            spec:
              host: {{Host}}
              subsets:
              - name: v1
                labels: {version: v1}
              - name: v2
                labels: {version: v2}
                trafficPolicy:
                  x-orleansmesh:
                    circuitBreaker: {}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {{Host}}
            spec:
              hosts: [{{Host}}]
              http:
              - match:
                - headers:
                    x-version:
                      exact: v2
                route:
                - destination: {host: {{Host}}, subset: v2}
              - route:
                - destination: {host: {{Host}}, subset: v1}
            """);
        _gateway = await AdminGatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task ProxiedRequests_AreCountedPerSubsetWithTheirStatus()
    {
        for (var i = 0; i < 3; i++)
        {
            using var v1 = await SendAsync();
            Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        }

        using var v2 = await SendAsync(("x-version", "v2"));
        var scrape = await _gateway.ScrapeUntilAsync(s => Count(s, "v2", "200") == 1, "the v2 request being counted");

        Assert.Equal(3, Count(scrape, "v1", "200"));
        var sample = scrape.Find("istio_requests_total", ("destination_service", Host), ("destination_version", "v2")).Single();
        Assert.Equal(("source", "http", "-"), (sample.Labels["reporter"], sample.Labels["request_protocol"], sample.Labels["response_flags"]));
        Assert.Equal(4, scrape.Find("istio_request_duration_milliseconds_count", ("destination_service", Host)).Sum(s => s.Value));
        Assert.True(scrape.Find("istio_response_bytes_sum", ("destination_service", Host)).Sum(s => s.Value) > 0);
    }

    [Fact]
    public async Task StreamedResponse_ItsBytesAreCountedAsTheyPass()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"metered","messages":[{"role":"user","content":"count these bytes"}],"stream":true}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = Host;
        using var response = await _gateway.Proxy.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.Headers.TransferEncodingChunked, "a token stream has no Content-Length");

        var scrape = await _gateway.ScrapeUntilAsync(s => Count(s, "v1", "200") == 1, "the streamed request being counted");

        Assert.Equal(body.Length, Assert.Single(scrape.Find("istio_response_bytes_sum", ("destination_service", Host), ("destination_version", "v1"))).Value);
    }

    [Fact]
    public async Task OpenBreaker_CountsA503WithItsResponseFlag()
    {
        await _mesh.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of(Host, "v2")).OverrideAsync(BreakerOverride.ForcedOpen);
        try
        {
            var status = HttpStatusCode.OK;
            for (var i = 0; i < 200 && status != HttpStatusCode.ServiceUnavailable; i++)
            {
                using var response = await SendAsync(("x-version", "v2"));
                status = response.StatusCode;
                await Task.Delay(status == HttpStatusCode.ServiceUnavailable ? 0 : 50);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            var scrape = await _gateway.ScrapeUntilAsync(s => Count(s, "v2", "503") > 0, "the rejected request being counted");

            var flags = scrape.Find("istio_requests_total", ("destination_service", Host), ("response_code", "503")).Select(s => s.Labels["response_flags"]).Distinct();
            Assert.Equal(["UO"], flags);
        }
        finally
        {
            await _mesh.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of(Host, "v2")).OverrideAsync(BreakerOverride.None);
        }
    }

    [Fact]
    public async Task UnknownHost_IsCountedWithNoRouteFlag()
    {
        using var response = await _gateway.Proxy.GetAsync("/");
        var scrape = await _gateway.ScrapeUntilAsync(s => s.Find("istio_requests_total", ("response_flags", "NR")).Any(), "the unrouted request being counted");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.All(scrape.Find("istio_requests_total", ("response_flags", "NR")), s => Assert.Equal("unknown", s.Labels["destination_service"]));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _model.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private static double Count(PrometheusScrape scrape, string version, string code) =>
        scrape.Find("istio_requests_total", ("destination_service", Host), ("destination_version", version), ("response_code", code)).Sum(s => s.Value);

    private Task<HttpResponseMessage> SendAsync(params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.Host = Host;
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return _gateway.Proxy.SendAsync(request);
    }
}
