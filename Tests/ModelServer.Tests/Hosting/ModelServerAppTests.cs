using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Hosting;

public sealed class ModelServerAppTests
{
    [Fact]
    public async Task StartAsync_PortZero_UrlsReportTheBoundPort()
    {
        await using var server = await RunningModelServer.StartAsync();

        var url = new Uri(server.Url);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.NotEqual(0, url.Port);
        var addresses = server.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Assert.Equal(server.Url, Assert.Single(addresses));
    }

    [Fact]
    public async Task AnyResponse_CarriesModelNameVersionAndServedBy()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { Name = "llama", Version = "v7" });

        using var response = await server.Client.GetAsync("/v1/models").WaitAsync(Requests.Guard);

        Assert.Equal("llama", Assert.Single(response.Headers.GetValues("x-model-name")));
        Assert.Equal("v7", Assert.Single(response.Headers.GetValues("x-model-version")));
        Assert.Equal($"llama-v7@{server.Url}", Assert.Single(response.Headers.GetValues("x-served-by")));
    }

    [Fact]
    public async Task ErrorResponse_CarriesModelHeaders()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { Version = "v3" });

        using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", "{oops");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("v3", Assert.Single(response.Headers.GetValues("x-model-version")));
    }

    [Fact]
    public async Task TwoServers_SameProcess_AnswerAsThemselves()
    {
        await using var first = await RunningModelServer.StartAsync(new ModelServerOptions { Version = "v1" });
        await using var second = await RunningModelServer.StartAsync(new ModelServerOptions { Version = "v2" });

        using var one = await first.Client.GetAsync("/healthz").WaitAsync(Requests.Guard);
        using var two = await second.Client.GetAsync("/healthz").WaitAsync(Requests.Guard);

        Assert.Equal("v1", (await Requests.ReadJsonAsync(one)).GetProperty("version").GetString());
        Assert.Equal("v2", (await Requests.ReadJsonAsync(two)).GetProperty("version").GetString());
    }

    [Fact]
    public async Task Create_OptionsChangedAfterwards_ServerKeepsItsCopy()
    {
        var options = new ModelServerOptions { Name = "before" };
        var app = ModelServerApp.Create(options, "http://127.0.0.1:0");
        options.Name = "after";
        await using var _ = app;

        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var response = await client.GetAsync("/healthz").WaitAsync(Requests.Guard);
        await app.StopAsync();

        Assert.Equal("before", Assert.Single(response.Headers.GetValues("x-model-name")));
    }
}
