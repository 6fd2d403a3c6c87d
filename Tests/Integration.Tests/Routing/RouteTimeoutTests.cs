using System.Net;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Integration.Tests.Routing;

/// <summary>A VirtualService <c>timeout</c> against an upstream that answers after 1.5 s, and the headers the gateway sets.</summary>
public sealed class RouteTimeoutTests : IAsyncLifetime
{
    private readonly MeshCluster _mesh = new(silos: 1);
    private WebApplication _slow = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _slow = ModelServerApp.Create(new ModelServerOptions { Name = "slow", Version = "v1", LatencyMs = 1_500 }, "http://127.0.0.1:0");
        await _slow.StartAsync();
        await _mesh.ApplyAsync($$$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: slow
            spec:
              hosts: [slow]
              ports: [{number: 80, name: http, protocol: HTTP}]
              resolution: STATIC
              endpoints:
              - address: 127.0.0.1
                ports: {http: {{{new Uri(_slow.Urls.Single()).Port}}}}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: slow
            spec:
              hosts: [slow]
              http:
              - match:
                - headers: {x-timeout: {exact: zero}}
                timeout: 0s
                route:
                - destination: {host: slow}
              - timeout: 200ms
                route:
                - destination: {host: slow}
            """);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task Timeout_ShorterThanUpstream_Returns504WithUpstreamTimeoutFlag()
    {
        using var response = await _gateway.GetAsync("slow", "/anything");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("UT", response.Headers.GetValues("x-mesh-response-flags").Single());
    }

    [Fact]
    public async Task TimeoutZero_MeansNoTimeout_AsInIstio()
    {
        using var response = await _gateway.GetAsync("slow", "/anything", ("x-timeout", "zero"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ForwardedProto_ClaimedByTheClient_IsReplacedByTheGateway()
    {
        using var response = await _gateway.GetAsync("slow", "/echo", ("x-timeout", "zero"), ("x-forwarded-proto", "https"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"x-forwarded-proto\":\"http\"", body, StringComparison.Ordinal);
        Assert.Contains("\"host\":\"slow\"", body, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _slow.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
