using System.Net;
using System.Text;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Integration.Tests.Routing;

/// <summary>Ingress through an Istio Gateway binding, the mesh's own error answers, and unbuffered streaming.</summary>
public sealed class IngressAndStreamingTests : IAsyncLifetime
{
    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _productpage = null!;
    private WebApplication _slowModel = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _productpage = await ModelBackends.StartAsync("productpage", "v1");
        _slowModel = ModelServerApp.Create(new ModelServerOptions { Name = "slow", Version = "v1", TokenDelayMs = 1_000 }, "http://127.0.0.1:0");
        await _slowModel.StartAsync();
        await _mesh.ApplyAsync(_productpage.ServiceEntryYaml("productpage"));
        await _mesh.ApplyFileAsync(SharedCorpus.Bookinfo("bookinfo-gateway.yaml"));
        await _mesh.ApplyAsync($"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: slow-model
            spec:
              hosts: [slow-model]
              ports: [{"{"}number: 80, name: http, protocol: HTTP{"}"}]
              resolution: STATIC
              endpoints:
              - address: 127.0.0.1
                ports: {"{"}http: {new Uri(_slowModel.Urls.Single()).Port}{"}"}
                labels: {"{"}version: v1{"}"}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: no-endpoints
            spec:
              hosts: [empty-subset]
              http:
              - route:
                - destination:
                    host: productpage
                    subset: v9
            """);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Theory]
    [InlineData("/productpage")]
    [InlineData("/static/css/site.css")]
    [InlineData("/api/v1/products/1")]
    public async Task BookinfoGateway_MatchingPath_ReachesProductpage(string path)
    {
        using var response = await _gateway.GetAsync("localhost:8080", path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"path\":\"{path}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookinfoGateway_PathNotInAnyMatch_Returns404NoRoute()
    {
        using var response = await _gateway.GetAsync("localhost:8080", "/admin");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"code\":\"no_route\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubsetWithNoEndpoints_Returns503WithJsonError()
    {
        using var response = await _gateway.GetAsync("empty-subset", "/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"code\":\"no_healthy_upstream\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamedCompletion_FirstTokenArrives_BeforeTheUpstreamHasFinished()
    {
        // 8 tokens a second apart: a buffering proxy would hold the first one back for 8 seconds.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"slow","stream":true,"max_tokens":8,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "slow-model";
        using var response = await _gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var firstEvent = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(4));
        var rest = reader.ReadToEndAsync();

        Assert.StartsWith("data: {", firstEvent, StringComparison.Ordinal);
        Assert.False(rest.IsCompleted, "the whole stream had already arrived with its first event");
        Assert.EndsWith("data: [DONE]", (await rest).TrimEnd(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _slowModel.DisposeAsync();
        await _productpage.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
