using System.Text.RegularExpressions;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class ApplyCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private static readonly string DestinationRules = SharedCorpus.Bookinfo("destination-rule-all.yaml");
    private static readonly string AllV1 = SharedCorpus.Bookinfo("virtual-service-all-v1.yaml");

    [Fact]
    public async Task Apply_BookinfoFiles_PrintsCreatedPerResourceAndExitsZero()
    {
        var result = await RunAsync("apply", "-f", DestinationRules, "-f", AllV1);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "destinationrule.networking.istio.io/details created",
                "destinationrule.networking.istio.io/productpage created",
                "destinationrule.networking.istio.io/ratings created",
                "destinationrule.networking.istio.io/reviews created",
                "virtualservice.networking.istio.io/details created",
                "virtualservice.networking.istio.io/productpage created",
                "virtualservice.networking.istio.io/ratings created",
                "virtualservice.networking.istio.io/reviews created",
            ],
            result.OutLines.Order(StringComparer.Ordinal));
        Assert.Equal(8, (await StoredIdsAsync()).Count);
    }

    [Fact]
    public async Task Apply_EnvoyFilterBesideRoute_StoresBothAndWarnsItIsNotEnforced()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("istio.yaml", TestManifests.EnvoyFilterAndRoute);

        var result = await RunAsync("apply", "-f", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("envoyfilter.networking.istio.io/lua created", result.OutLines);
        Assert.Contains("virtualservice.networking.istio.io/reviews created", result.OutLines);
        Assert.Contains("warning: document 1 (envoyfilter/default/lua) kind: kind EnvoyFilter is stored but not enforced by OrleansMesh", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await StoredIdsAsync()).Count);
    }

    [Fact]
    public async Task Apply_SameFilesAgain_PrintsUnchanged()
    {
        await ApplyAsync(DestinationRules, AllV1);

        var result = await RunAsync("apply", "-f", DestinationRules, "-f", AllV1);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(8, result.OutLines.Length);
        Assert.All(result.OutLines, line => Assert.EndsWith(" unchanged", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_ChangedSpec_PrintsConfigured()
    {
        await ApplyAsync(DestinationRules, AllV1);

        var result = await RunAsync("apply", "-f", SharedCorpus.Bookinfo("virtual-service-reviews-80-20.yaml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["virtualservice.networking.istio.io/reviews configured"], result.OutLines);
    }

    [Fact]
    public async Task Apply_DryRun_PrintsDryRunChangesAndStoresNothing()
    {
        var result = await RunAsync("apply", "--dry-run", "-f", DestinationRules);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("destinationrule.networking.istio.io/reviews created (dry run)", result.OutLines);
        Assert.Empty(await StoredIdsAsync());
    }

    [Fact]
    public async Task Apply_ZeroTotalWeight_ExitsOneNamingFileLineAndPath()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("zero-weights.yaml", TestManifests.ZeroTotalWeight);

        var result = await RunAsync("apply", "-f", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(new Regex(Regex.Escape(file) + @":\d+(:\d+)?: error: .*spec\.http\[0\]\.route"), result.Error);
        Assert.Empty(result.Out);
        Assert.Empty(await StoredIdsAsync());
    }

    [Fact]
    public async Task Apply_ErrorInOneOfTwoFiles_AppliesNeither()
    {
        using var temp = new TempDirectory();
        var bad = temp.Write("zero-weights.yaml", TestManifests.ZeroTotalWeight);

        var result = await RunAsync("apply", "-f", DestinationRules, "-f", bad);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(await StoredIdsAsync());
    }

    [Fact]
    public async Task Apply_SubsetMissingFromStoredRules_ExitsOneNamingFileAndStoresNothing()
    {
        using var temp = new TempDirectory();
        await ApplyAsync(DestinationRules);
        var file = temp.Write("reviews-v9.yaml", TestManifests.MissingSubset);

        var result = await RunAsync("apply", "--dry-run", "-f", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{file}:", result.Error, StringComparison.Ordinal);
        Assert.Contains("v9", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(await StoredIdsAsync(), id => id.Kind == ResourceKind.VirtualService);
    }

    [Fact]
    public async Task Apply_SubsetMissingFromStoredRules_ErrorOnceAtFileLineAndColumn()
    {
        using var temp = new TempDirectory();
        await ApplyAsync(DestinationRules);
        var file = temp.Write("reviews-v9.yaml", TestManifests.MissingSubset);

        var result = await RunAsync("apply", "-f", file);

        Assert.Equal(
            $"{file}:12:9: error: document 1 (virtualservice/default/reviews) spec.http[0].route[0].destination.subset: " +
            "subset 'v9' is not defined in DestinationRule destinationrule/default/reviews for host 'reviews' (defined: v1, v2, v3)",
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }

    [Fact]
    public async Task Apply_RoutesToHostWithTwoStoredRules_JudgedByTheOldestRuleAsTheMeshDoes()
    {
        using var temp = new TempDirectory();
        await ApplyAsync(DestinationRules);
        await ApplyAsync(temp.Write("a-reviews-v9.yaml", TestManifests.NewerReviewsRuleWithV9));

        var result = await RunAsync("apply", "-f", AllV1);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("virtualservice.networking.istio.io/reviews created", result.OutLines);
    }

    [Fact]
    public async Task Apply_Directory_AppliesItsYamlFilesButNotSubdirectoriesOrOtherFiles()
    {
        using var temp = new TempDirectory();
        temp.Copy(DestinationRules, "1-rules.yaml");
        temp.Copy(AllV1, "2-routes.yml");
        temp.Write("notes.txt", "not: [yaml");
        temp.Copy(SharedCorpus.Bookinfo("bookinfo-gateway.yaml"), Path.Combine("nested", "gateway.yaml"));

        var result = await RunAsync("apply", "-f", temp.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(8, result.OutLines.Length);
        Assert.DoesNotContain(await StoredIdsAsync(), id => id.Kind == ResourceKind.Gateway);
    }

    [Fact]
    public async Task Apply_DirectoryRecursive_AppliesSubdirectories()
    {
        using var temp = new TempDirectory();
        temp.Copy(SharedCorpus.Bookinfo("bookinfo-gateway.yaml"), Path.Combine("nested", "gateway.yaml"));

        var result = await RunAsync("apply", "-R", "-f", temp.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("gateway.networking.istio.io/bookinfo-gateway created", result.OutLines);
    }

    [Fact]
    public async Task Apply_StandardInput_AppliesItsResources()
    {
        var result = await RunWithStdinAsync(File.ReadAllText(DestinationRules), "apply", "-f", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, result.OutLines.Length);
        Assert.Contains("destinationrule.networking.istio.io/ratings created", result.OutLines);
    }

    [Fact]
    public async Task Apply_SameResourceTwice_ExitsOneAndStoresNothing()
    {
        var result = await RunAsync("apply", "-f", DestinationRules, "-f", DestinationRules);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("defined more than once", result.Error, StringComparison.Ordinal);
        Assert.Empty(await StoredIdsAsync());
    }

    [Fact]
    public async Task Apply_MissingPath_ExitsOne()
    {
        var result = await RunAsync("apply", "-f", "/nonexistent/meshctl-test.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: the path \"/nonexistent/meshctl-test.yaml\" does not exist", result.Error.Trim());
    }

    [Fact]
    public async Task Apply_DirectoryWithUnreadableYamlFile_OneErrorLineAndExitOne()
    {
        using var temp = new TempDirectory();
        var broken = Path.Combine(temp.Path, "broken.yaml");
        File.CreateSymbolicLink(broken, Path.Combine(temp.Path, "missing-target.yaml"));

        var result = await RunAsync("apply", "-f", temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: Could not find file '{broken}'.", result.Error.Trim());
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Apply_WithoutFilename_ExitsOne()
    {
        var result = await RunAsync("apply");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--filename", result.Error, StringComparison.Ordinal);
    }
}
