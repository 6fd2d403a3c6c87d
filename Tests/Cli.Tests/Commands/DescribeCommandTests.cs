using System.Text.Json;
using OrleansMesh.Resilience;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class DescribeCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private static string Chat(string host) => $$"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: {{host}}
        spec:
          hosts: [{{host}}]
          ports: [{number: 80, name: http, protocol: HTTP}]
          resolution: STATIC
          endpoints:
          - address: 127.0.0.1
            ports: {http: 9001}
            labels: {version: v1}
          - address: 127.0.0.2
            ports: {http: 9002}
            labels: {version: v2}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {{host}}
        spec:
          host: {{host}}
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v2
            labels: {version: v2}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {{host}}
        spec:
          hosts: [{{host}}]
          http:
          - route:
            - destination: {host: {{host}}, subset: v1}
              weight: 90
            - destination: {host: {{host}}, subset: v2}
              weight: 10
        """;

    [Fact]
    public async Task DescribeService_AppliedService_ShowsRoutingSubsetsEndpointsAndBreakers()
    {
        await ApplyStdinAsync(Chat("chat"));
        await Cluster.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of("chat", "v2")).OverrideAsync(BreakerOverride.ForcedOpen);
        var generation = (await Cluster.ConfigGrain.GetSnapshotAsync()).Generation;

        var result = await RunAsync("describe", "service", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            $"""
            Host:               chat
            Config generation:  {generation}
            VirtualServices:    default/chat
            DestinationRule:    default/chat
            Ports:              http 80/HTTP
            Breaker:            Closed
            Subsets:
              NAME   LABELS       ENDPOINTS        BREAKER
              v1     version=v1   127.0.0.1:9001   Closed
              v2     version=v2   127.0.0.2:9002   Open (held open)
            Endpoints:
              ADDRESS          LABELS
              127.0.0.1:9001   version=v1
              127.0.0.2:9002   version=v2

            """,
            result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task DescribeService_JsonOutput_HasSubsetsWithEndpoints()
    {
        await ApplyStdinAsync(Chat("chat-json"));

        var result = await RunAsync("describe", "svc", "chat-json", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var subsets = json.RootElement.GetProperty("subsets");
        Assert.Equal(["v1", "v2"], subsets.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("127.0.0.2:9002", subsets[1].GetProperty("endpoints")[0].GetString());
        Assert.Equal("Closed", subsets[1].GetProperty("breaker").GetProperty("state").GetString());
        Assert.Equal("default/chat-json", json.RootElement.GetProperty("destinationRule").GetString());
    }

    [Fact]
    public async Task DescribeService_UnknownHost_FailsWithConfigError()
    {
        var result = await RunAsync("describe", "service", "nowhere");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: service \"nowhere\" not found: no VirtualService, DestinationRule or ServiceEntry names it", result.Error.Trim());
    }

    private async Task ApplyStdinAsync(string yaml)
    {
        var result = await RunWithStdinAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
