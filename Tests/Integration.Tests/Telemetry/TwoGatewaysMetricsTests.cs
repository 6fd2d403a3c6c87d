using OrleansMesh.Gateway.Telemetry;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>Two gateways in one process: each one's <c>/metrics</c> reports its own requests, never the other's.</summary>
public sealed class TwoGatewaysMetricsTests : IAsyncLifetime
{
    private readonly MeshCluster _mesh = new(silos: 1);
    private AdminGatewayHost _first = null!;
    private AdminGatewayHost _second = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _first = await AdminGatewayHost.StartAsync(_mesh.Grains);
        _second = await AdminGatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task Metrics_RequestRecordedByTheSecondGateway_OnlyInTheSecondsScrape()
    {
        var service = $"only-second-{Guid.NewGuid():N}";

        _second.Services.GetRequiredService<MeshMetrics>().RecordRequest(
            new RequestRecord(service, "v1", "model-v1", null, null, MeshMetricNames.Http, 200, null, 10, 20, TimeSpan.FromMilliseconds(5)));

        Assert.Equal(1, Assert.Single((await _second.ScrapeAsync()).Find("istio_requests_total", ("destination_service", service))).Value);
        Assert.Empty((await _first.ScrapeAsync()).Find("istio_requests_total", ("destination_service", service)));
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
