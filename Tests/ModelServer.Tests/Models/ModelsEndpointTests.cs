using System.Net;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Models;

public sealed class ModelsEndpointTests
{
    [Fact]
    public async Task GetModels_ReturnsOpenAiListWithTheOneModel()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { Name = "llama-3" });

        using var response = await server.Client.GetAsync("/v1/models").WaitAsync(Requests.Guard);
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", body.GetProperty("object").GetString());
        var model = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal("llama-3", model.GetProperty("id").GetString());
        Assert.Equal("model", model.GetProperty("object").GetString());
        Assert.Equal("orleansmesh", model.GetProperty("owned_by").GetString());
        Assert.True(model.GetProperty("created").GetInt64() > 0);
    }

    [Fact]
    public async Task GetModel_NameWithSlash_ReturnsTheModel()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { Name = "meta/llama" });

        using var response = await server.Client.GetAsync("/v1/models/meta/llama").WaitAsync(Requests.Guard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("meta/llama", (await Requests.ReadJsonAsync(response)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetModel_UnknownName_Returns404ModelNotFound()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await server.Client.GetAsync("/v1/models/gpt-9").WaitAsync(Requests.Guard);
        var error = (await Requests.ReadJsonAsync(response)).GetProperty("error");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
    }
}
