using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class DeleteCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private static readonly string DestinationRules = SharedCorpus.Bookinfo("destination-rule-all.yaml");
    private static readonly string Gateway = SharedCorpus.Bookinfo("bookinfo-gateway.yaml");

    [Fact]
    public async Task Delete_ByKindAndName_PrintsDeletedAndRemovesIt()
    {
        await ApplyAsync(DestinationRules);

        var result = await RunAsync("delete", "destinationrule", "reviews");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["destinationrule.networking.istio.io \"reviews\" deleted"], result.OutLines);
        Assert.DoesNotContain(new ResourceId(ResourceKind.DestinationRule, "default", "reviews"), await StoredIdsAsync());
        Assert.Equal(3, (await StoredIdsAsync()).Count);
    }

    [Fact]
    public async Task Delete_ByFile_DeletesTheResourcesItDefines()
    {
        await ApplyAsync(DestinationRules, Gateway);

        var result = await RunAsync("delete", "-f", Gateway);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["gateway.networking.istio.io \"bookinfo-gateway\" deleted", "virtualservice.networking.istio.io \"bookinfo\" deleted"],
            result.OutLines.Order(StringComparer.Ordinal));
        Assert.All(await StoredIdsAsync(), id => Assert.Equal(ResourceKind.DestinationRule, id.Kind));
    }

    [Fact]
    public async Task Delete_DryRun_PrintsDryRunAndDeletesNothing()
    {
        await ApplyAsync(DestinationRules);

        var result = await RunAsync("delete", "dr", "ratings", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["destinationrule.networking.istio.io \"ratings\" deleted (dry run)"], result.OutLines);
        Assert.Equal(4, (await StoredIdsAsync()).Count);
    }

    [Fact]
    public async Task Delete_InOtherNamespace_DeletesOnlyThere()
    {
        await RunWithStdinAsync(TestManifests.TeamAVirtualService, "apply", "-f", "-");

        var result = await RunAsync("delete", "vs", "ratings", "-n", "team-a");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(await StoredIdsAsync());
    }

    [Fact]
    public async Task Delete_Missing_ExitsOneWithDiagnosticAndDeletesNothing()
    {
        await ApplyAsync(DestinationRules);

        var result = await RunAsync("delete", "dr", "reviews", "-n", "elsewhere");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("reviews", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Equal(4, (await StoredIdsAsync()).Count);
    }

    [Fact]
    public async Task Delete_FileAndKindTogether_ExitsOne()
    {
        var result = await RunAsync("delete", "-f", Gateway, "vs", "bookinfo");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: name the resources to delete either with -f", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_KindAll_ExitsOne()
    {
        var result = await RunAsync("delete", "all", "reviews");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: the server doesn't have a resource type \"all\" to delete", result.Error, StringComparison.Ordinal);
    }
}
