using System.Text.Json;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class GetCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private static readonly string DestinationRules = SharedCorpus.Bookinfo("destination-rule-all.yaml");
    private static readonly string AllV1 = SharedCorpus.Bookinfo("virtual-service-all-v1.yaml");
    private static readonly string Gateway = SharedCorpus.Bookinfo("bookinfo-gateway.yaml");

    [Fact]
    public async Task Get_VirtualServices_PrintsTableWithGatewaysAndHosts()
    {
        await ApplyAsync(Gateway);

        var result = await RunAsync("get", "virtualservices");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            NAME       GATEWAYS           HOSTS   DELEGATES
            bookinfo   bookinfo-gateway   *       <none>

            """,
            result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Get_RootAndDelegate_ShowsTheDelegation()
    {
        var applied = await RunWithStdinAsync(
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: bookinfo}
            spec:
              hosts: [bookinfo.com]
              http:
              - match: [{uri: {prefix: /productpage}}]
                delegate: {name: productpage}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: productpage}
            spec:
              http:
              - route: [{destination: {host: productpage}}]
            """,
            "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.ToString());

        var result = await RunAsync("get", "vs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "NAME          GATEWAYS     HOSTS          DELEGATES",
                "bookinfo      mesh         bookinfo.com   default/productpage",
                "productpage   <delegate>   <none>         <none>",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task Get_DestinationRuleByShortNameAndName_PrintsHostAndSubsets()
    {
        await ApplyAsync(DestinationRules);

        var result = await RunAsync("get", "dr", "reviews");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["NAME      HOST      SUBSETS", "reviews   reviews   v1,v2,v3"], result.OutLines);
    }

    [Fact]
    public async Task Get_AllNamespaces_AddsNamespaceColumn()
    {
        await ApplyAsync(Gateway);
        var applied = await RunWithStdinAsync(TestManifests.TeamAVirtualService, "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.ToString());

        var result = await RunAsync("get", "vs", "-A");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "NAMESPACE   NAME       GATEWAYS           HOSTS     DELEGATES",
                "default     bookinfo   bookinfo-gateway   *         <none>",
                "team-a      ratings    mesh               ratings   <none>",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task Get_OtherNamespace_ListsOnlyThatNamespace()
    {
        await ApplyAsync(Gateway);
        await RunWithStdinAsync(TestManifests.TeamAVirtualService, "apply", "-f", "-");

        var result = await RunAsync("get", "vs", "-n", "team-a");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["NAME      GATEWAYS   HOSTS     DELEGATES", "ratings   mesh       ratings   <none>"], result.OutLines);
    }

    [Fact]
    public async Task Get_All_PrintsOneBlockPerKindWithQualifiedNames()
    {
        await ApplyAsync(Gateway);

        var result = await RunAsync("get", "all");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            NAME                                          GATEWAYS           HOSTS   DELEGATES
            virtualservice.networking.istio.io/bookinfo   bookinfo-gateway   *       <none>

            NAME                                           SERVERS
            gateway.networking.istio.io/bookinfo-gateway   8080/HTTP *

            """,
            result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Get_OutputYaml_PrintsYamlThatReappliesUnchanged()
    {
        await ApplyAsync(DestinationRules, AllV1);
        var yaml = await RunAsync("get", "all", "-o", "yaml");
        Assert.True(yaml.ExitCode == 0, yaml.ToString());

        var result = await RunWithStdinAsync(yaml.Out, "apply", "-f", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(8, result.OutLines.Length);
        Assert.All(result.OutLines, line => Assert.EndsWith(" unchanged", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_OutputJson_PrintsAListWhoseItemsReapplyUnchanged()
    {
        await ApplyAsync(DestinationRules);
        var json = await RunAsync("get", "dr", "-o", "json");
        Assert.True(json.ExitCode == 0, json.ToString());

        using var list = JsonDocument.Parse(json.Out);
        Assert.Equal("List", list.RootElement.GetProperty("kind").GetString());
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["details", "productpage", "ratings", "reviews"], items.Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));

        // JSON is YAML: the items, as documents, are what apply takes.
        var result = await RunWithStdinAsync(string.Join("\n", items.Select(i => "---\n" + i.GetRawText())), "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(result.OutLines, line => Assert.EndsWith(" unchanged", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_OutputJsonNothingStored_PrintsAnEmptyList()
    {
        var result = await RunAsync("get", "se", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var list = JsonDocument.Parse(result.Out);
        Assert.Equal(0, list.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Get_StoredEnvoyFilterAsYaml_GivesItsSpecBack()
    {
        using var temp = new TempDirectory();
        await ApplyAsync(temp.Write("istio.yaml", TestManifests.EnvoyFilterAndRoute));

        var result = await RunAsync("get", "envoyfilter", "lua", "-o", "yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("kind: EnvoyFilter", result.OutLines);
        Assert.Contains("- applyTo: HTTP_FILTER", result.OutLines);
        Assert.Contains("operation: INSERT_BEFORE", result.OutLines);
    }

    [Fact]
    public async Task Get_UnknownKind_ExitsOneListingValidKinds()
    {
        var result = await RunAsync("get", "pods");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: the server doesn't have a resource type \"pods\"; valid kinds: virtualservice (vs), destinationrule (dr), serviceentry (se), workloadentry (we), gateway (gw), requestauthentication (ra), authorizationpolicy (ap), peerauthentication (pa), sidecar, envoyfilter, proxyconfig, workloadgroup (wg), rollout (ro), inferencepool (infpool), inferenceobjective (infobj), httproute (hr), gateway.gateway.networking.k8s.io (gtw), gatewayclass (gc), all",
            result.Error.Trim());
    }

    [Fact]
    public async Task Get_MissingName_ExitsOneWithNotFound()
    {
        var result = await RunAsync("get", "vs", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error from server (NotFound): virtualservices \"nope\" not found", result.Error.Trim());
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Get_NothingStored_SaysSoAndExitsZero()
    {
        var result = await RunAsync("get", "se");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No resources found in default namespace.", result.Error.Trim());
        Assert.Empty(result.Out);
    }
}
