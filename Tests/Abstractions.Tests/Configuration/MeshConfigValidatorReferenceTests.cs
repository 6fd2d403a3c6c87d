using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class MeshConfigValidatorReferenceTests
{
    private const string ReviewsRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels:
              version: v1
        """;

    private const string ReviewsRoute = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          gateways:
          - mesh
          - bookinfo-gateway
          http:
          - route:
            - destination:
                host: reviews
                subset: v1
              weight: 50
            - destination:
                host: reviews
                subset: v3
              weight: 50
        """;

    private static ConfigLoadResult LoadRoute() => MeshConfigLoader.Load(ReviewsRoute, "route.yaml");

    private static List<MeshResource> Set(params string[] documents) =>
        [.. documents.SelectMany(d => LoadAssert.Clean(d).Resources).Select(r => r.Resource)];

    private static HashSet<ResourceId> Ids(params MeshResource[] resources) => [.. resources.Select(r => r.Id)];

    [Fact]
    public void ValidateReferences_SubsetMissingFromExistingRule_ReportsErrorWithPath()
    {
        var set = Set(ReviewsRule, ReviewsRoute);

        var diagnostics = MeshConfigValidator.ValidateReferences(set, Ids(set[1]));

        var diagnostic = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("subset 'v3' is not defined in DestinationRule destinationrule/default/reviews for host 'reviews' (defined: v1)", diagnostic.Message);
        Assert.Equal("spec.http[0].route[1].destination.subset", diagnostic.Path);
        Assert.Equal("virtualservice/default/reviews", diagnostic.Resource);
    }

    [Fact]
    public void Locate_ReferenceDiagnostic_GetsLineOfSubset()
    {
        var result = LoadRoute();
        var set = Set(ReviewsRule).Append(result.Resources[0].Resource).ToList();

        var diagnostic = result.Locate(Assert.Single(MeshConfigValidator.ValidateReferences(set, Ids(set[1])), d => d.Severity == DiagnosticSeverity.Error));

        Assert.Equal(("route.yaml", 1, 19, 9), (diagnostic.File, diagnostic.Document, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void ValidateReferences_SubsetWithoutAnyRule_Warns()
    {
        var set = Set(ReviewsRoute);

        var diagnostics = MeshConfigValidator.ValidateReferences(set, Ids(set[0])).Where(d => d.Path.EndsWith(".subset", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal("referenced subset 'v1' but no DestinationRule for host 'reviews' exists", diagnostics[0].Message);
        Assert.Equal("spec.http[0].route[0].destination.subset", diagnostics[0].Path);
    }

    [Fact]
    public void ValidateReferences_MissingGateway_Warns()
    {
        var set = Set(ReviewsRule, ReviewsRoute);

        var diagnostic = Assert.Single(MeshConfigValidator.ValidateReferences(set, Ids(set[1])), d => d.Severity == DiagnosticSeverity.Warning);

        Assert.Equal("referenced gateway 'bookinfo-gateway' not found", diagnostic.Message);
        Assert.Equal("spec.gateways[1]", diagnostic.Path);
    }

    [Fact]
    public void ValidateReferences_BookinfoGatewayFile_IsClean()
    {
        var set = Set(ConformanceFiles.Read("bookinfo-gateway.yaml"));

        Assert.Empty(MeshConfigValidator.ValidateReferences(set, Ids([.. set])));
    }

    [Fact]
    public void ValidateReferences_BookinfoRulesAndRoutes_AreClean()
    {
        var set = Set(ConformanceFiles.Read("destination-rule-all.yaml"), ConformanceFiles.Read("virtual-service-all-v1.yaml"), ConformanceFiles.Read("virtual-service-reviews-90-10.yaml"));

        Assert.Empty(MeshConfigValidator.ValidateReferences(set, Ids([.. set])));
    }

    [Fact]
    public void ValidateReferences_UnchangedResource_IsNotReported()
    {
        var set = Set(ReviewsRule, ReviewsRoute);

        Assert.Empty(MeshConfigValidator.ValidateReferences(set, Ids(set[0])));
    }

    [Fact]
    public void ValidateReferences_SecondRuleForSameHost_WarnsNamingTheOldest()
    {
        var set = Set(ReviewsRule, ReviewsRule.Replace("name: reviews", "name: reviews-2", StringComparison.Ordinal));

        var diagnostic = Assert.Single(MeshConfigValidator.ValidateReferences(set, Ids(set[1])));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("host 'reviews' also has DestinationRule destinationrule/default/reviews; Istio merges them, OrleansMesh uses only the oldest, destinationrule/default/reviews", diagnostic.Message);
        Assert.Equal("spec.host", diagnostic.Path);
    }

    [Fact]
    public void ValidateReferences_ShortAndQualifiedName_AreDifferentHosts()
    {
        var set = Set(ReviewsRule, ReviewsRule.Replace("name: reviews", "name: reviews-2", StringComparison.Ordinal).Replace("host: reviews", "host: reviews.default.svc.cluster.local", StringComparison.Ordinal));

        Assert.Empty(MeshConfigValidator.ValidateReferences(set, Ids(set[1])));
    }
}
