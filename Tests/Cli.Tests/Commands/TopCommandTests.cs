using System.Text.Json;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class TopCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    [Fact]
    public async Task Top_Host_ShowsEachSubsetsFiguresFromEveryGateway()
    {
        const string host = "top-subsets.test";
        var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var grain = Cluster.Grains.GetGrain<ITelemetryGrain>(host);
        await grain.ReportAsync([Report("gw-a", second, Sample(host, "v1", requests: 60, serverErrors: 0, milliseconds: 20))]);
        await grain.ReportAsync([Report("gw-b", second, Sample(host, "v1", requests: 30, serverErrors: 0, milliseconds: 20), Sample(host, "v2", requests: 10, serverErrors: 1, milliseconds: 200))]);

        var result = await RunAsync("top", host, "--window", "10s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^HOST\s+SUBSET\s+RPS\s+SUCCESS\s+P50\s+P99\s+TTFT P99\s+TOKENS IN/S\s+TOKENS OUT/S$", result.OutLines[0]);
        Assert.Matches(@"^top-subsets\.test\s+v1\s+9\s+100%\s+20ms\s+20ms\s+-\s+0\s+0$", result.OutLines[1]);
        Assert.Matches(@"^top-subsets\.test\s+v2\s+1\s+90%\s+(19[6-9]|20[0-4])ms\s+(19[6-9]|20[0-4])ms\s+-\s+0\s+0$", result.OutLines[2]);
    }

    [Fact]
    public async Task Top_Json_HasEndpointRowsAndFlags()
    {
        const string host = "top-json.test";
        var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sample = Sample(host, "v1", requests: 4, serverErrors: 2, milliseconds: 5) with
        {
            Endpoint = "127.0.0.1:9001",
            Flags = System.Collections.Immutable.ImmutableDictionary<string, long>.Empty.Add("UO", 2),
        };
        await Cluster.Grains.GetGrain<ITelemetryGrain>(host).ReportAsync([Report("gw", second, sample)]);

        var result = await RunAsync("top", host, "--endpoints", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("127.0.0.1:9001", row.GetProperty("endpoint").GetString());
        Assert.Equal(50.0, row.GetProperty("successRate").GetDouble());
        Assert.Equal(2, row.GetProperty("flags").GetProperty("UO").GetInt64());
    }

    [Fact]
    public async Task Top_NoTraffic_SaysSo()
    {
        var result = await RunAsync("top", "top-quiet.test");

        Assert.Equal((0, "No traffic in the last 30s to top-quiet.test."), (result.ExitCode, result.OutLines[0]));
    }

    [Fact]
    public async Task Top_BadWindow_ConfigError()
    {
        var result = await RunAsync("top", "x", "--window", "2h");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--window '2h' is not a duration from 1s to 1h", result.Error, StringComparison.Ordinal);
    }

    private static TelemetryReport Report(string gateway, long second, params DestinationSample[] samples) =>
        new() { GatewayId = gateway, Second = second, Samples = [.. samples] };

    private static DestinationSample Sample(string host, string subset, long requests, long serverErrors, double milliseconds)
    {
        var buckets = new long[LatencySketch.BucketCount];
        buckets[LatencySketch.BucketOf(milliseconds)] = requests;
        return new DestinationSample
        {
            Host = host,
            Subset = subset,
            Endpoint = "127.0.0.1:9000",
            Requests = requests,
            Success = requests - serverErrors,
            ServerErrors = serverErrors,
            Latency = LatencySketch.FromBuckets(buckets),
        };
    }
}
