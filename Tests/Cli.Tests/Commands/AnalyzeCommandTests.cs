namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class AnalyzeCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private const string ReviewsEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: reviews
        spec:
          hosts: [reviews]
          ports: [{number: 9080, name: http, protocol: HTTP}]
          resolution: STATIC
          endpoints:
          - address: 127.0.0.1
            labels: {version: v1}
        """;

    private const string ReviewsRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels: {version: v1}
        """;

    private const string Shadowed = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: v1}
          - name: never
            match:
            - headers: {end-user: {exact: jason}}
            route:
            - destination: {host: reviews, subset: v1}
        """;

    private const string ToV1 = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: v1}
        """;

    [Fact]
    public async Task Analyze_SubsetOfAHostWithoutDestinationRule_ReportsTheValidatorsWarning()
    {
        var result = await RunWithStdinAsync(ReviewsEntry + "\n---\n" + TestManifests.MissingSubset, "analyze", "-f", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.OutLines);
        Assert.StartsWith("-:24:9: warning: document 2 (virtualservice/default/reviews)", line, StringComparison.Ordinal);
        Assert.Contains("v9", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_SubsetTheDestinationRuleLacks_ReportsTheValidatorsErrorAndExitsOne()
    {
        var result = await RunWithStdinAsync(ReviewsEntry + "\n---\n" + ReviewsRule + "\n---\n" + TestManifests.MissingSubset, "analyze", "-f", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.Contains("error: ", StringComparison.Ordinal) && l.Contains("subset 'v9' is not defined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_HostWithoutServiceEntry_WarnsItHasNoEndpoints()
    {
        var result = await RunWithStdinAsync(ToV1, "analyze", "-f", "-", "--local");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Warning [IST0101] (VirtualService default/reviews) Referenced host not found: \"reviews\" (no ServiceEntry lists it, so it has no endpoints)", result.OutLines);
    }

    [Fact]
    public async Task Analyze_RuleAfterACatchAll_WarnsIst0130()
    {
        var result = await RunWithStdinAsync(ReviewsEntry + "\n---\n" + ReviewsRule + "\n---\n" + Shadowed, "analyze", "-f", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["Warning [IST0130] (VirtualService default/reviews) VirtualService rule \"never\" not used (route without matches defined before)."],
            result.OutLines);
    }

    [Fact]
    public async Task Analyze_FilesOnTopOfStoredConfig_FindsTheStoredServiceEntry()
    {
        var applied = await RunWithStdinAsync(ReviewsEntry + "\n---\n" + ReviewsRule, "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.ToString());

        var result = await RunWithStdinAsync(ToV1, "analyze", "-f", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["No validation issues found."], result.OutLines);
    }

    [Fact]
    public async Task Analyze_ZeroTotalWeight_ReportsTheErrorAndExitsOne()
    {
        var result = await RunWithStdinAsync(TestManifests.ZeroTotalWeight, "analyze", "-f", "-", "--local");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.Contains("error", StringComparison.OrdinalIgnoreCase) && l.Contains("weight", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Analyze_StoredEnvoyFilter_ListedAsNotEnforced()
    {
        var result = await RunWithStdinAsync(TestManifests.EnvoyFilterAndRoute, "analyze", "-f", "-", "--local");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Warning [OM0002] (EnvoyFilter default/lua) kind EnvoyFilter is stored but not enforced by OrleansMesh: its Envoy patches have no meaning here, as OrleansMesh's gateways are not Envoy", result.OutLines);
    }

    // Istio pkg/config/validation/validation.go analyzeUnreachableHTTPRules, the duplicate-match case.
    [Fact]
    public async Task Analyze_RuleRepeatingAnEarlierMatch_ReportsIst0131AndIst0130()
    {
        const string Duplicate = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - match:
                - uri: {prefix: /v1}
                route:
                - destination: {host: reviews, subset: v1}
              - name: again
                match:
                - uri: {prefix: /v1}
                route:
                - destination: {host: reviews, subset: v1}
            """;

        var result = await RunWithStdinAsync(ReviewsEntry + "\n---\n" + ReviewsRule + "\n---\n" + Duplicate, "analyze", "-f", "-", "--local");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "Info [IST0131] (VirtualService default/reviews) VirtualService rule \"again\" match #0 is not used (duplicate/overlapping match in rule #0).",
                "Warning [IST0130] (VirtualService default/reviews) VirtualService rule \"again\" not used (all matches used by prior rules).",
            ],
            result.OutLines);
    }
}
