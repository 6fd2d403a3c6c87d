using System.Globalization;
using System.Net;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Gateway.Hosting;

namespace OrleansMesh.Deployment.Tests.Gateway;

/// <summary>The gateway process's admin listener: health on the admin port only, never reachable through the proxy port.</summary>
public sealed class GatewayAdminListenerTests(GatewayAdminFixture fixture) : IClassFixture<GatewayAdminFixture>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private GatewayProcess Gateway => fixture.Gateway;

    [Fact]
    public async Task Live_OnAdminPort_IsHealthy()
    {
        using var response = await _http.GetAsync(Gateway.Live);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_NoConfigFromTheControlPlane_IsUnavailable()
    {
        using var response = await _http.GetAsync(Gateway.Ready);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(MeshGatewayAdminOptions.LivePath)]
    [InlineData(MeshGatewayAdminOptions.ReadyPath)]
    public async Task HealthPath_OnProxyPort_IsProxiedNotAnswered(string path)
    {
        using var response = await _http.GetAsync(new Uri(Gateway.Proxy, path));

        Assert.Equal("NC", response.Headers.GetValues("x-mesh-response-flags").Single());
        Assert.DoesNotContain("Healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthPath_OnProxyPortWithAdminHostHeader_IsProxiedNotAnswered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Gateway.Proxy, MeshGatewayAdminOptions.LivePath));
        request.Headers.Host = Gateway.Admin.Authority;

        using var response = await _http.SendAsync(request);

        Assert.Equal("NC", response.Headers.GetValues("x-mesh-response-flags").Single());
    }

    [Fact]
    public async Task OtherPath_OnAdminPort_IsNotFoundAndNotProxied()
    {
        using var response = await _http.GetAsync(new Uri(Gateway.Admin, "/v1/models"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("x-mesh-response-flags"));
    }

    [Fact]
    public async Task AdminUrls_SamePortAsProxy_ProcessRefusesToStartNamingTheSetting()
    {
        var port = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        await using var process = MeshProcess.Start("gateway", RepositoryFiles.Output("Gateway", "OrleansMesh.Gateway"), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["OrleansMesh__Gateway__AdminUrls"] = $"http://127.0.0.1:{port}",
        });

        var exited = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exited, "the gateway kept running with a clashing admin port");
        Assert.Contains($"OrleansMesh:Gateway:AdminUrls uses port {port}, which the proxy listens on", process.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();
}
