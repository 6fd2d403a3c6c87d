using System.Collections.Immutable;
using OrleansMesh.Inference;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class DescribePoolCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private static string Pool(string name) => $$"""
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata: {name: {{name}}}
        spec:
          targetPorts: [{number: 8000}]
          selector:
            matchLabels:
              app: {{name}}
          endpointPickerRef: {name: {{name}}-epp}
        ---
        apiVersion: inference.networking.x-k8s.io/v1alpha2
        kind: InferenceObjective
        metadata: {name: {{name}}-chat}
        spec:
          priority: 7
          poolRef:
            name: {{name}}
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata: {name: {{name}}-a}
        spec:
          address: 127.0.0.1
          ports: {http: 1}
          labels:
            app: {{name}}
        """;

    [Fact]
    public async Task DescribePool_NoGatewayYet_ShowsConfigAndObjectives()
    {
        await ApplyStdinAsync(Pool("llama"));

        var result = await RunAsync("describe", "pool", "llama");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            Name:        llama
            Namespace:   default
            Route host:  llama.default.inferencepool
            Target port: 8000
            Objectives:  llama-chat (priority 7)
            Members:     1 in config; load as last pushed to the gateways (push 0):
              <no load yet: no gateway serves the pool, or the pool grain has not scraped it>

            """,
            result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task DescribePool_MemberNotAnswering_ShowsTheScrapeError()
    {
        await ApplyStdinAsync(Pool("mistral"));
        var grain = Cluster.Grains.GetGrain<IInferencePoolGrain>("mistral.default.inferencepool");
        await grain.ReportAsync(new PoolDispatchReport { GatewayId = "test", Members = ["127.0.0.1:1"], Dispatched = ImmutableDictionary<string, int>.Empty.Add("127.0.0.1:1", 2) });
        for (var i = 0; i < 100 && (await grain.GetAsync()).Sequence == 0; i++)
        {
            await Task.Delay(50);
        }

        var result = await RunAsync("describe", "pool", "mistral");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = result.Out.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("  127.0.0.1:1 ", StringComparison.Ordinal));
        Assert.Contains(" never ", row, StringComparison.Ordinal);
        Assert.DoesNotContain(" ok", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribePool_Unknown_FailsWithConfigError()
    {
        var result = await RunAsync("describe", "pool", "nowhere", "-n", "prod");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: InferencePool \"nowhere\" not found in namespace \"prod\"", result.Error.Trim());
    }

    private async Task ApplyStdinAsync(string yaml)
    {
        var result = await RunWithStdinAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
