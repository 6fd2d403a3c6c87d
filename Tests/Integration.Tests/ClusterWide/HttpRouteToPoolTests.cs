using System.Net;
using OrleansMesh.Gateway.Scheduling;
using OrleansMesh.Integration.Tests.Inference;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Integration.Tests.ClusterWide;

/// <summary>
/// GIE's quickstart shape end to end: a Gateway API Gateway and an HTTPRoute to an InferencePool of simulated model
/// servers, applied to a 2-silo cluster, served by three real gateways whose picker chooses among the pool's members.
/// </summary>
[Collection(ThreeGatewaysCollection.Name)]
public sealed class HttpRouteToPoolTests(ThreeGatewaysFixture fixture)
{
    [Fact]
    public async Task HttpRoute_ToInferencePool_IsServedByThePickerThroughEveryGateway()
    {
        var options = new ModelServerOptions { Engine = true, DecodeMs = 1, DecodeMsPerRunning = 0, PrefillMsPerToken = 0 };
        await using var servers = await SimulatedServers.StartAsync(options, options);
        var name = "hr-pool-" + Guid.NewGuid().ToString("N")[..8];
        var host = $"{name}.example.com";
        await fixture.ApplyAsync(host, $"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: {name}-gateway
            spec:
              gatewayClassName: istio
              listeners:
              - name: http
                port: 80
                protocol: HTTP
                hostname: {host}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: {name}-route
            spec:
              parentRefs:
              - group: gateway.networking.k8s.io
                kind: Gateway
                name: {name}-gateway
              rules:
              - matches:
                - path:
                    type: PathPrefix
                    value: /v1
                backendRefs:
                - group: inference.networking.k8s.io
                  kind: InferencePool
                  name: {name}
                timeouts:
                  request: 30s
            ---
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
            {servers.WorkloadEntriesYaml(name)}
            """);
        var registries = fixture.Gateways.Select(g => g.Services.GetRequiredService<InferencePoolRegistry>()).ToArray();
        var poolHost = $"{name}.default.inferencepool";
        await Eventually.TrueAsync(() => registries.All(r => r.Find(poolHost)?.Last?.Endpoints.Count(e => e.Error is null) == 2), "every gateway holding both members' metrics");

        var responses = new List<HttpResponseMessage>();
        foreach (var gateway in fixture.Gateways)
        {
            var request = InferenceRequests.Post(host, "/v1/chat/completions", InferenceRequests.Chat("demo-model"));
            request.Headers.Add(InferencePickerOptions.DebugHeader, "1");
            var response = await gateway.Client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            responses.Add(response);
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Contains("reason=scored", r.Headers.GetValues(InferencePickerOptions.ResultHeader).Single(), StringComparison.Ordinal));
        var ports = new[] { servers.Port(0), servers.Port(1) };
        Assert.All(responses, r => Assert.Contains(ports, p => r.Headers.GetValues("x-served-by").Single().EndsWith(p, StringComparison.Ordinal)));
    }
}
