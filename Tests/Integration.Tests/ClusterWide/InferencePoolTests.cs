using System.Net;
using OrleansMesh.Gateway.Scheduling;
using OrleansMesh.Integration.Tests.Inference;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Integration.Tests.ClusterWide;

/// <summary>
/// An InferencePool of simulated model servers behind three gateways and a 2-silo cluster: the pool's grain scrapes
/// their vLLM metrics and every gateway picks with them.
/// </summary>
[Collection(ThreeGatewaysCollection.Name)]
public sealed class InferencePoolTests(ThreeGatewaysFixture fixture)
{
    [Fact]
    public async Task Picker_OneServerSlowWithALongQueue_GetsLittleOfTheTraffic()
    {
        var fast = new ModelServerOptions { Engine = true, MaxRunning = 8, DecodeMs = 2, DecodeMsPerRunning = 0, PrefillMsPerToken = 0 };
        await using var servers = await SimulatedServers.StartAsync(fast, fast, fast, fast with { MaxRunning = 1, DecodeMs = 40 });
        var (route, _) = await ApplyPoolAsync(servers);

        // Twelve clients, each sending its next request when the previous one is answered, through all three gateways:
        // the slow server's queue grows, shows in its metrics, and the picker sends elsewhere. Round robin would give it
        // a quarter of the requests (and every client would wait in its queue).
        var served = await ClosedLoopAsync(route, clients: 12, TimeSpan.FromSeconds(4));

        Assert.True(served.Count >= 48, $"only {served.Count} requests answered");
        var slow = served.Count(s => s.EndsWith(servers.Port(3), StringComparison.Ordinal));
        Assert.True(slow <= served.Count / 10, $"the slow server served {slow} of {served.Count}");
    }

    [Fact]
    public async Task Picker_RequestsInFlightThroughOtherGateways_CountBeforeTheNextPick()
    {
        // Four idle servers alike; each request runs ~1.5 s. Nothing waits anywhere and the scrape's KV-cache figures
        // differ by less than the score tolerance, so only the requests in flight through the other gateways tell the
        // servers apart: without them each pick would be random (four distinct servers 9 % of the time).
        var options = new ModelServerOptions { Engine = true, MaxRunning = 8, DecodeMs = 100, DecodeMsPerRunning = 0, PrefillMsPerToken = 0 };
        await using var servers = await SimulatedServers.StartAsync(options, options, options, options);
        var (route, _) = await ApplyPoolAsync(servers);

        var requests = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 4; i++)
        {
            requests.Add(SendAsync(fixture.Gateways[i % 3], route, "demo-model", $"request {i}", maxTokens: 15));
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        var responses = await Task.WhenAll(requests);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(4, responses.Select(ServedBy).Distinct().Count());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Picker_SharedPrefixThroughDifferentGateways_StaysOnOneServer()
    {
        var options = new ModelServerOptions { Engine = true, DecodeMs = 1, DecodeMsPerRunning = 0, PrefillMsPerToken = 0 };
        await using var servers = await SimulatedServers.StartAsync(options, options, options, options);
        var (pool, _) = await ApplyPoolAsync(servers);
        var prefix = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"context{i}"));

        var served = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await SendAsync(fixture.Gateways[i % 3], pool, "demo-model", $"{prefix} question {i}", maxTokens: 2);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            served.Add(ServedBy(response));

            // Long enough for the gateway's hint to reach the grain and come back to the others with a push.
            await Task.Delay(TimeSpan.FromMilliseconds(400));
        }

        Assert.Single(served.Distinct());
    }

    [Fact]
    public async Task Picker_AdapterRunningOnOneServer_TakesItsRequests()
    {
        var options = new ModelServerOptions { Engine = true, DecodeMs = 20, DecodeMsPerRunning = 0, PrefillMsPerToken = 0, MaxLora = 1, LoraLoadMs = 0 };
        await using var servers = await SimulatedServers.StartAsync(options, options, options, options);
        var (pool, host) = await ApplyPoolAsync(servers);

        // A long request holds the adapter running on one server; the scrapes see it there.
        var holder = SendAsync(fixture.Gateways[0], pool, "sql-adapter", "hold the adapter", maxTokens: 150);
        var gateways = fixture.Gateways.Select(g => g.Services.GetRequiredService<InferencePoolRegistry>()).ToArray();
        await Eventually.TrueAsync(() => gateways.All(g => g.Find(host)?.Last?.Endpoints.Any(e => e.RunningAdapters.Contains("sql-adapter")) == true), "every gateway seeing the adapter running");
        var home = gateways[0].Find(host)!.Last!.Endpoints.Single(e => e.RunningAdapters.Contains("sql-adapter")).Endpoint;

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => SendAsync(fixture.Gateways[i], pool, "sql-adapter", $"query {i}", maxTokens: 2)));
        using var held = await holder;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.EndsWith(home, ServedBy(r), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Picker_NoMetricsToScrape_FallsBackToLeastRequestWithoutFailingARequest()
    {
        // Servers without the engine have no /metrics: every scrape fails, so no gateway ever has fresh metrics.
        var plain = new ModelServerOptions { TokenDelayMs = 0 };
        await using var servers = await SimulatedServers.StartAsync(plain, plain, plain);
        var (pool, _) = await ApplyPoolAsync(servers, waitForMetrics: false);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => SendAsync(fixture.Gateways[i % 3], pool, "demo-model", $"request {i}", maxTokens: 2)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Contains("reason=fail-open", Picker(r), StringComparison.Ordinal));
        Assert.Equal(3, responses.Select(ServedBy).Distinct().Count());
    }

    [Fact]
    public async Task Picker_MemberStopsAnswering_GetsNoNewRequestsAndNoneFail()
    {
        var options = new ModelServerOptions { Engine = true, DecodeMs = 1, DecodeMsPerRunning = 0, PrefillMsPerToken = 0 };
        await using var servers = await SimulatedServers.StartAsync(options, options, options);
        var (route, _) = await ApplyPoolAsync(servers);

        await servers.StopAsync(0);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => SendAsync(fixture.Gateways[i % 3], route, "demo-model", $"after {i}", maxTokens: 2)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.DoesNotContain(responses, r => ServedBy(r).EndsWith(servers.Port(0), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FlowControl_PoolSaturated_ShedsLowPriorityFirstAndServesHighBeforeLow()
    {
        // A gateway of its own, with a tiny queue and saturation at one queued request, in front of one slow server.
        // Its metrics stay fresh for the whole test: with stale metrics flow control fails open (by design) and lets
        // every waiting request go at once, in whatever order they then reach the server — which a busy test machine
        // once caused, pausing the scrape-and-push path for over the default second.
        await using var gateway = await GatewayHost.StartAsync(fixture.Mesh.Grains, new Dictionary<string, string?>
        {
            ["OrleansMesh:Gateway:InferencePicker:QueueCapacity"] = "4",
            ["OrleansMesh:Gateway:InferencePicker:QueueThreshold"] = "1",
            ["OrleansMesh:Gateway:InferencePicker:StaleAfter"] = "00:00:30",
        });
        var slow = new ModelServerOptions { Engine = true, MaxRunning = 1, DecodeMs = 25, DecodeMsPerRunning = 0, PrefillMsPerToken = 0 };
        await using var servers = await SimulatedServers.StartAsync(slow);
        var (route, host) = await ApplyPoolAsync(servers, objectives: "critical");
        var registry = gateway.Services.GetRequiredService<InferencePoolRegistry>();
        await Eventually.TrueAsync(() => registry.Find(host)?.Last?.Endpoints.Count(e => e.Error is null) == 1, "the new gateway holding the pool's metrics");

        var order = new List<string>();
        async Task<HttpResponseMessage> Tracked(string name, string? objective, int tokens = 10)
        {
            var response = await SendAsync(gateway, route, "demo-model", name, tokens, objective);
            lock (order)
            {
                order.Add(name);
            }

            return response;
        }

        // Two long ones keep the server busy (one running, one waiting: saturated) for a second; then four of no
        // priority fill the gateway's queue.
        var first = Enumerable.Range(0, 2).Select(i => Tracked($"busy{i}", null, tokens: 40)).ToList();
        await Eventually.TrueAsync(() => registry.Find(host)?.Last?.Endpoints.Single() is { Running: 1, Waiting: 1 }, "the server running one request with one waiting");
        var low = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 4; i++)
        {
            // One at a time, so that the queue's order is known.
            low.Add(Tracked($"low{i}", null));
            var queued = i + 1;
            await Eventually.TrueAsync(() => registry.Find(host)!.Flow.Count == queued, $"{queued} requests queued in the gateway");
        }

        // Two critical ones take the places of the two newest low ones, which are shed at once with 429.
        var high = Enumerable.Range(0, 2).Select(i => Tracked($"high{i}", "critical")).ToList();
        var all = await Task.WhenAll([.. first, .. low, .. high]);

        Assert.All(all[..2], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], all[2..6].Select(r => r.StatusCode));
        var shed = await InferenceRequests.ErrorAsync(all[5]);
        Assert.Equal(("inference_pool_saturated", "rate_limit_exceeded"), (shed.GetProperty("code").GetString(), shed.GetProperty("type").GetString()));
        Assert.Equal("UO", Assert.Single(all[5].Headers.GetValues("x-mesh-response-flags")));
        Assert.All(all[6..], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(order.IndexOf("high0") < order.IndexOf("low0") && order.IndexOf("high1") < order.IndexOf("low1"), string.Join(", ", order));
    }

    private async Task<(string Route, string Host)> ApplyPoolAsync(SimulatedServers servers, bool waitForMetrics = true, string? objectives = null)
    {
        var name = "pool-" + Guid.NewGuid().ToString("N")[..8];
        var host = name + ".default.inferencepool";
        var route = "llm-" + name;
        await fixture.ApplyAsync(route, $"""
            apiVersion: inference.networking.k8s.io/v1
            kind: InferencePool
            metadata:
              name: {name}
            spec:
              targetPorts:
              - number: 8000
              selector:
                matchLabels:
                  app: {name}
              endpointPickerRef:
                name: {name}-epp
            ---
            {(objectives is null ? "" : $"apiVersion: inference.networking.x-k8s.io/v1alpha2\nkind: InferenceObjective\nmetadata:\n  name: {objectives}\nspec:\n  priority: 10\n  poolRef:\n    name: {name}\n---\n")}{servers.WorkloadEntriesYaml(name)}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {route}
            spec:
              hosts:
              - {route}
              http:
              - route:
                - destination:
                    host: {host}
                retries:
                  attempts: 0
            """);
        var registries = fixture.Gateways.Select(g => g.Services.GetRequiredService<InferencePoolRegistry>()).ToArray();
        await Eventually.TrueAsync(() => registries.All(r => r.Find(host)?.Members.Length == servers.Count), "every gateway holding the pool's members");
        if (waitForMetrics)
        {
            await Eventually.TrueAsync(() => registries.All(r => r.Find(host)?.Last?.Endpoints.Count(e => e.Error is null) == servers.Count), "every gateway holding every member's metrics");
        }

        return (route, host);
    }

    private async Task<List<string>> ClosedLoopAsync(string route, int clients, TimeSpan duration)
    {
        var served = new List<string>();
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (var i = 0; DateTime.UtcNow < until; i++)
            {
                using var response = await SendAsync(fixture.Gateways[client % 3], route, "demo-model", $"client {client} request {i}", maxTokens: 8);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                lock (served)
                {
                    served.Add(ServedBy(response));
                }
            }
        }));
        return served;
    }

    private static async Task<HttpResponseMessage> SendAsync(GatewayHost gateway, string route, string model, string prompt, int maxTokens, string? objective = null)
    {
        var request = InferenceRequests.Post(route, "/v1/chat/completions",
            $$"""{"model":"{{model}}","max_tokens":{{maxTokens}},"messages":[{"role":"user","content":"{{prompt}}"}]}""");
        request.Headers.Add(InferencePickerOptions.DebugHeader, "1");
        if (objective is not null)
        {
            request.Headers.Add(InferencePickerOptions.ObjectiveHeader, objective);
        }

        var response = await gateway.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string ServedBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-served-by", out var values) ? values.Single() : "";

    private static string Picker(HttpResponseMessage response) =>
        response.Headers.TryGetValues(InferencePickerOptions.ResultHeader, out var values) ? values.Single() : "";
}
