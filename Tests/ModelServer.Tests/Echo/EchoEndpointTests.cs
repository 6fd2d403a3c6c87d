using System.Net;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Echo;

public sealed class EchoEndpointTests
{
    [Fact]
    public async Task Get_UnmappedPath_EchoesPathQueryAndHeaders()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { Version = "v5" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/some/where?a=1&b=two");
        request.Headers.Add("X-Mesh-Test", "canary");

        using var response = await server.Client.SendAsync(request).WaitAsync(Requests.Guard);
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("demo-model", body.GetProperty("model").GetString());
        Assert.Equal("v5", body.GetProperty("version").GetString());
        Assert.Equal("GET", body.GetProperty("method").GetString());
        Assert.Equal("/some/where", body.GetProperty("path").GetString());
        Assert.Equal("?a=1&b=two", body.GetProperty("query").GetString());
        Assert.Equal("canary", body.GetProperty("headers").GetProperty("x-mesh-test").GetString());
        Assert.Equal(new Uri(server.Url).Authority, body.GetProperty("headers").GetProperty("host").GetString());
    }

    [Fact]
    public async Task Delete_Root_EchoesMethodAndSlash()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await server.Client.DeleteAsync("/").WaitAsync(Requests.Guard);
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal("DELETE", body.GetProperty("method").GetString());
        Assert.Equal("/", body.GetProperty("path").GetString());
        Assert.Equal("", body.GetProperty("query").GetString());
    }
}
