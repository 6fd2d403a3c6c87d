using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>
/// Two real gateways in front of two real upstreams (v1 answers 200, v2 answers 503): every gateway's requests reach
/// the host's telemetry grain within seconds, merged, by subset and endpoint.
/// </summary>
public sealed class LiveTelemetryTests : IAsyncLifetime
{
    private const string Host = "live.test";
    private readonly MeshCluster _mesh = new(silos: 1);
    private StatusBackend _v1 = null!;
    private StatusBackend _v2 = null!;
    private GatewayHost _first = null!;
    private GatewayHost _second = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _v1 = await StatusBackend.StartAsync(200, name: "v1");
        _v2 = await StatusBackend.StartAsync(503, name: "v2");
        await _mesh.ApplyAsync($$$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: live}
            spec:
              hosts: [{{{Host}}}]
              ports: [{number: 80, name: http, protocol: HTTP}]
              resolution: STATIC
              endpoints:
              - {address: 127.0.0.1, ports: {http: {{{_v1.Port}}}}, labels: {version: v1}}
              - {address: 127.0.0.1, ports: {http: {{{_v2.Port}}}}, labels: {version: v2}}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: live}
            spec:
              host: {{{Host}}}
              subsets:
              - {name: v1, labels: {version: v1}}
              - {name: v2, labels: {version: v2}}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: live}
            spec:
              hosts: [{{{Host}}}]
              http:
              - match: [{headers: {x-version: {exact: v2} } }]
                route: [{destination: {host: {{{Host}}}, subset: v2}}]
                retries: {attempts: 0}
              - route: [{destination: {host: {{{Host}}}, subset: v1}}]
            """);
        _first = await GatewayHost.StartAsync(_mesh.Grains);
        _second = await GatewayHost.StartAsync(_mesh.Grains);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _v2.DisposeAsync();
        await _v1.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    [Fact]
    public async Task Requests_ThroughTwoGateways_MergedInTheHostsGrainBySubset()
    {
        for (var i = 0; i < 30; i++)
        {
            using var ok = await (i % 2 == 0 ? _first : _second).GetAsync(Host, "/v1/models");
            Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
        }

        for (var i = 0; i < 10; i++)
        {
            using var failed = await _second.GetAsync(Host, "/v1/models", ("x-version", "v2"));
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        var grain = _mesh.Grains.GetGrain<ITelemetryGrain>(Host);
        ServiceTelemetry telemetry = null!;
        await Eventually.TrueAsync(
            async () => (telemetry = await grain.QueryAsync(TimeSpan.FromMinutes(1))).Subset("v1").Requests == 30 && telemetry.Subset("v2").Requests == 10,
            "the host's grain holding every request of both gateways");

        var v1 = TelemetryFigures.Of(telemetry.Subset("v1"), TimeSpan.FromMinutes(1));
        var v2 = TelemetryFigures.Of(telemetry.Subset("v2"), TimeSpan.FromMinutes(1));
        Assert.Equal((100.0, 0.0), (v1.SuccessRate, v2.SuccessRate));
        Assert.True(v1.LatencyP99 > 0, "no latency recorded");
        Assert.Equal(2, telemetry.Gateways);
        Assert.Equal($"127.0.0.1:{_v2.Port}", Assert.Single(telemetry.Endpoints, e => e.Subset == "v2").Endpoint);
    }
}
