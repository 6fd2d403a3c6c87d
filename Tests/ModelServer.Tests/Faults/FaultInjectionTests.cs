using System.Net;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ErrorRateOne_EveryRequest_Returns500InOpenAiErrorShape()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { ErrorRate = 1, Version = "v2" });

        for (var i = 0; i < 5; i++)
        {
            using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", Requests.Chat());
            var error = (await Requests.ReadJsonAsync(response)).GetProperty("error");

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("Injected failure from demo-model v2 (error rate 1).", error.GetProperty("message").GetString());
            Assert.Equal("server_error", error.GetProperty("type").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, error.GetProperty("param").ValueKind);
            Assert.Equal("v2", Assert.Single(response.Headers.GetValues("x-model-version")));
        }
    }

    [Fact]
    public async Task ErrorRateZero_ManyRequests_NeverFails()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { ErrorRate = 0, Seed = 1 });

        for (var i = 0; i < 50; i++)
        {
            using var response = await Requests.PostAsync(server.Client, "/v1/chat/completions", Requests.Chat(maxTokens: 1));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task ErrorRateHalf_SameSeed_FailsTheSameRequests()
    {
        var first = await OutcomesAsync(new ModelServerOptions { ErrorRate = 0.5, Seed = 42 });
        var second = await OutcomesAsync(new ModelServerOptions { ErrorRate = 0.5, Seed = 42 });

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
    }

    [Fact]
    public async Task ErrorRateOne_Healthz_StillAnswersOk()
    {
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { ErrorRate = 1 });

        using var response = await server.Client.GetAsync("/healthz").WaitAsync(Requests.Guard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Latency_Request_IsAnsweredOnlyAfterTheConfiguredWait()
    {
        var time = new ObservableTimeProvider();
        await using var server = await RunningModelServer.StartAsync(new ModelServerOptions { LatencyMs = 1500 }, time);

        var pending = server.Client.GetAsync("/v1/models");
        Assert.Equal(TimeSpan.FromMilliseconds(1500), await time.NextTimerAsync());
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1500));
        using var response = await pending.WaitAsync(Requests.Guard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<HttpStatusCode>> OutcomesAsync(ModelServerOptions options)
    {
        await using var server = await RunningModelServer.StartAsync(options);
        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await server.Client.GetAsync("/v1/models").WaitAsync(Requests.Guard);
            outcomes.Add(response.StatusCode);
        }

        return outcomes;
    }
}
