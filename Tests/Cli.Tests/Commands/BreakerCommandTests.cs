using System.Text.Json;
using OrleansMesh.Resilience;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class BreakerCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    [Fact]
    public async Task Breaker_Open_HoldsTheSubsetsBreakerOpenClusterWide()
    {
        var result = await RunAsync("breaker", "open", "breaker-open.test/v2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["breaker breaker-open.test/v2: Open (held open)"], result.OutLines);
        var health = await Health("breaker-open.test", "v2");
        Assert.Equal((BreakerState.Open, BreakerOverride.ForcedOpen), (health.State, health.Override));
    }

    [Fact]
    public async Task Breaker_Close_HoldsTheServicesBreakerClosed()
    {
        var result = await RunAsync("breaker", "close", "breaker-close.test");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["breaker breaker-close.test: Closed (held closed)"], result.OutLines);
        Assert.Equal(BreakerOverride.ForcedClosed, (await Health("breaker-close.test", null)).Override);
    }

    [Fact]
    public async Task Breaker_ResetAfterOpen_ReleasesTheHoldAndCloses()
    {
        await RunAsync("breaker", "open", "breaker-reset.test/v1");

        var result = await RunAsync("breaker", "reset", "breaker-reset.test/v1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["breaker breaker-reset.test/v1: Closed"], result.OutLines);
        var health = await Health("breaker-reset.test", "v1");
        Assert.Equal((BreakerState.Closed, BreakerOverride.None), (health.State, health.Override));
    }

    [Fact]
    public async Task Breaker_JsonOutput_HasStableFields()
    {
        var result = await RunAsync("breaker", "open", "breaker-json.test/v3", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("breaker-json.test|v3", root.GetProperty("destination").GetString());
        Assert.Equal("Open", root.GetProperty("state").GetString());
        Assert.Equal("ForcedOpen", root.GetProperty("override").GetString());
        Assert.Equal(0, root.GetProperty("ejected").GetArrayLength());
    }

    [Theory]
    [InlineData("reviews/")]
    [InlineData("/v1")]
    [InlineData("reviews|v1")]
    public async Task Breaker_MalformedDestination_FailsWithConfigError(string destination)
    {
        var result = await RunAsync("breaker", "open", destination);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: '{destination}' is not a destination", result.Error, StringComparison.Ordinal);
    }

    private Task<DestinationHealth> Health(string host, string? subset) =>
        Cluster.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of(host, subset)).GetAsync();
}
