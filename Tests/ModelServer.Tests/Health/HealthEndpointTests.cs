using System.Net;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task GetHealthz_ReturnsOkWithModelAndVersion()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { Name = "m", Version = "v4" });

        using var response = await server.Client.GetAsync("/healthz").WaitAsync(Requests.Guard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok","model":"m","version":"v4"}""", await response.Content.ReadAsStringAsync());
    }
}
