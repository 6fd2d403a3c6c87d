namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class DiffCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private static readonly string DestinationRules = SharedCorpus.Bookinfo("destination-rule-all.yaml");
    private static readonly string AllV1 = SharedCorpus.Bookinfo("virtual-service-all-v1.yaml");
    private static readonly string ReviewsV3 = SharedCorpus.Bookinfo("virtual-service-reviews-v3.yaml");

    [Fact]
    public async Task Diff_SameAsStored_PrintsNothingAndExitsZero()
    {
        await ApplyAsync(DestinationRules);

        var result = await RunAsync("diff", "-f", DestinationRules);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Diff_ChangedResource_PrintsLineDiffAndExitsThree()
    {
        await ApplyAsync(DestinationRules, AllV1);

        var result = await RunAsync("diff", "-f", ReviewsV3);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("--- virtualservice.networking.istio.io/default/reviews (mesh)", result.OutLines);
        Assert.Contains("+++ virtualservice.networking.istio.io/default/reviews (configured)", result.OutLines);
        Assert.Contains(result.OutLines, l => l.StartsWith('-') && l.EndsWith("subset: v1", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith('+') && l.EndsWith("subset: v3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_NewResource_DiffsAgainstNothing()
    {
        await ApplyAsync(DestinationRules);

        var result = await RunAsync("diff", "-f", ReviewsV3);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("--- /dev/null", result.OutLines[0]);
        Assert.All(result.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2), l => Assert.StartsWith("+", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_ChangedResource_StoresNothing()
    {
        await ApplyAsync(DestinationRules, AllV1);
        var before = await Cluster.ConfigGrain.GetSnapshotAsync();

        await RunAsync("diff", "-f", ReviewsV3);

        Assert.Equal(before.Generation, (await Cluster.ConfigGrain.GetSnapshotAsync()).Generation);
    }

    [Fact]
    public async Task Diff_RefusedConfig_FailsWithConfigError()
    {
        var result = await RunWithStdinAsync(TestManifests.ZeroTotalWeight, "diff", "-f", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
    }
}
