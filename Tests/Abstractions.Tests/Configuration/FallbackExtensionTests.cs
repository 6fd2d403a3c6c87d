using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class FallbackExtensionTests
{
    // The route list starts on line 9 (see Yaml.Http): x-orleansmesh on 12, fallback on 13, destinations on 14.
    private const string Route = """
        - route:
          - destination:
              host: reviews
          x-orleansmesh:
            fallback:
              destinations:
              - host: reviews
                subset: small
              - host: ratings
                port:
                  number: 9080
              failOn: [5xx, circuit-open]
        """;

    private static string WithFallback(string fallback) =>
        Yaml.Http("- route:\n  - destination:\n      host: reviews\n  x-orleansmesh:\n    fallback:\n" + string.Concat(fallback.Split('\n').Select(l => "      " + l + "\n")));

    [Fact]
    public void Load_Fallback_ReadsDestinationsInOrderAndConditions()
    {
        var service = (VirtualService)LoadAssert.Clean(Yaml.Http(Route)).Resources[0].Resource;

        var fallback = service.Spec.Http[0].Mesh!.Fallback!;

        Assert.Equal([new Destination { Host = "reviews", Subset = "small" }, new Destination { Host = "ratings", Port = 9080 }], fallback.Destinations.ToArray());
        Assert.Equal(FallbackConditions.ServerError | FallbackConditions.CircuitOpen, fallback.FailOn);
    }

    [Fact]
    public void Load_FallbackWithoutFailOn_FallsBackOnEveryFailure()
    {
        var service = (VirtualService)LoadAssert.Clean(WithFallback("destinations:\n- host: ratings")).Resources[0].Resource;

        Assert.Equal(FallbackConditions.Default, service.Spec.Http[0].Mesh!.Fallback!.FailOn);
    }

    [Fact]
    public void ToYaml_Fallback_LoadsBackEqual()
    {
        var original = LoadAssert.Clean(Yaml.Http(Route)).Resources.Select(r => r.Resource).ToList();

        var written = MeshConfigWriter.ToYaml(original);
        var reloaded = MeshConfigLoader.Load(written, "written.yaml");

        Assert.Empty(reloaded.Diagnostics);
        Assert.Contains("failOn:", written, StringComparison.Ordinal);
        Assert.Null(ContentEquality.FirstDifference(original, reloaded.Resources.Select(r => r.Resource).ToList()));
    }

    [Fact]
    public void ToYaml_DefaultConditions_LeavesFailOnOut()
    {
        var original = LoadAssert.Clean(WithFallback("destinations:\n- host: ratings")).Resources.Select(r => r.Resource).ToList();

        var written = MeshConfigWriter.ToYaml(original);

        Assert.DoesNotContain("failOn", written, StringComparison.Ordinal);
        Assert.Null(ContentEquality.FirstDifference(original, MeshConfigLoader.Load(written, "written.yaml").Resources.Select(r => r.Resource).ToList()));
    }

    [Fact]
    public void Load_EmptyDestinations_ReportsPathAndLine()
    {
        var diagnostic = LoadAssert.SingleError(WithFallback("destinations: []"));

        LoadAssert.Is(diagnostic, "fallback needs at least one destination", "spec.http[0].x-orleansmesh.fallback.destinations", 14);
    }

    [Fact]
    public void Load_EmptyFailOn_ListsTheConditions()
    {
        var diagnostic = LoadAssert.SingleError(WithFallback("destinations:\n- host: ratings\nfailOn: []"));

        LoadAssert.Is(diagnostic, "failOn must name at least one of 5xx, gateway-error, connect-failure, reset, timeout, circuit-open", "spec.http[0].x-orleansmesh.fallback.failOn", 16);
    }

    [Fact]
    public void Load_UnknownCondition_ReportsItsIndex()
    {
        var diagnostic = LoadAssert.SingleError(WithFallback("destinations:\n- host: ratings\nfailOn: [5xx, 4xx]"));

        Assert.Equal("spec.http[0].x-orleansmesh.fallback.failOn[1]", diagnostic.Path);
        Assert.Contains("expected one of 5xx, gateway-error, connect-failure, reset, timeout, circuit-open", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidHost_ReportsTheDestination()
    {
        var diagnostic = LoadAssert.SingleError(WithFallback("destinations:\n- host: ratings\n- host: 'bad host'"));

        LoadAssert.Is(diagnostic, "invalid host 'bad host': expected a DNS name or a wildcard ('*.suffix')", "spec.http[0].x-orleansmesh.fallback.destinations[1].host", 16);
    }

    [Fact]
    public void Load_RepeatedDestination_IsAnError()
    {
        var diagnostic = LoadAssert.SingleError(WithFallback("destinations:\n- host: ratings\n- host: ratings"));

        Assert.Equal("destination repeats destinations[0]; each fallback is tried once", diagnostic.Message);
        Assert.Equal("spec.http[0].x-orleansmesh.fallback.destinations[1]", diagnostic.Path);
    }

    [Fact]
    public void ValidateReferences_UndefinedFallbackSubset_ReportsErrorWithPath()
    {
        var rule = Yaml.Rule("subsets:\n- name: large\n  labels:\n    version: large");
        var set = new[] { rule, Yaml.Http(Route) }.SelectMany(d => LoadAssert.Clean(d).Resources).Select(r => r.Resource).ToList();

        var diagnostics = MeshConfigValidator.ValidateReferences(set, new HashSet<ResourceId> { set[1].Id });

        var diagnostic = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("spec.http[0].x-orleansmesh.fallback.destinations[0].subset", diagnostic.Path);
        Assert.StartsWith("subset 'small' is not defined", diagnostic.Message, StringComparison.Ordinal);
    }
}
