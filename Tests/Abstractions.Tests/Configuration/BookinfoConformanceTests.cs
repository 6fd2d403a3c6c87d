using OrleansMesh.Configuration;
using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class BookinfoConformanceTests
{
    [Theory]
    [MemberData(nameof(ConformanceFiles.Bookinfo), MemberType = typeof(ConformanceFiles))]
    public void Load_BookinfoFile_HasNoDiagnostics(string name)
    {
        var result = MeshConfigLoader.Load(ConformanceFiles.Read(name), name);

        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.Resources);
    }

    [Fact]
    public void Load_DestinationRuleAllMtls_GivesFourIstioMutualRules()
    {
        var result = MeshConfigLoader.Load(ConformanceFiles.Read("destination-rule-all-mtls.yaml"), "destination-rule-all-mtls.yaml");

        var rules = result.Resources.Select(r => Assert.IsType<DestinationRule>(r.Resource)).ToList();
        Assert.Equal(["productpage", "reviews", "ratings", "details"], rules.Select(r => r.Spec.Host));
        Assert.All(rules, r => Assert.Equal(ClientTlsMode.IstioMutual, r.Spec.TrafficPolicy?.Tls?.Mode));
        Assert.Equal(["v1", "v2", "v2-mysql", "v2-mysql-vm"], rules[2].Spec.Subsets.Select(s => s.Name));
        Assert.Equal("v2-mysql", rules[2].Spec.Subsets[2].Labels["version"]);
    }

    [Fact]
    public void Load_ReviewsNinetyTen_GivesWeightsAndSubsets()
    {
        var result = MeshConfigLoader.Load(ConformanceFiles.Read("virtual-service-reviews-90-10.yaml"), "x.yaml");

        var service = Assert.IsType<VirtualService>(Assert.Single(result.Resources).Resource);
        Assert.Equal(["reviews"], service.Spec.Hosts.AsEnumerable());
        var route = Assert.Single(service.Spec.Http).Route;
        Assert.Equal([90, 10], route.Select(d => d.Weight));
        Assert.Equal(["v1", "v2"], route.Select(d => d.Destination.Subset));
        Assert.All(route, d => Assert.Equal("reviews", d.Destination.Host));
    }

    [Fact]
    public void Load_BookinfoGateway_GivesGatewayAndVirtualService()
    {
        var result = MeshConfigLoader.Load(ConformanceFiles.Read("bookinfo-gateway.yaml"), "bookinfo-gateway.yaml");

        Assert.Equal(2, result.Resources.Length);
        var gateway = Assert.IsType<Gateway>(result.Resources[0].Resource);
        Assert.Equal("ingressgateway", Assert.Single(gateway.Spec.Selector, kv => kv.Key == "istio").Value);
        var server = Assert.Single(gateway.Spec.Servers);
        Assert.Equal(8080u, server.Port.Number);
        Assert.Equal("HTTP", server.Port.Protocol);
        Assert.Equal(["*"], server.Hosts.AsEnumerable());

        var service = Assert.IsType<VirtualService>(result.Resources[1].Resource);
        Assert.Equal(["bookinfo-gateway"], service.Spec.Gateways.AsEnumerable());
        var http = Assert.Single(service.Spec.Http);
        Assert.Equal(
            [StringMatch.Exact("/productpage"), StringMatch.Prefix("/static"), StringMatch.Exact("/login"), StringMatch.Exact("/logout"), StringMatch.Prefix("/api/v1/products")],
            http.Match.Select(m => m.Uri));
        Assert.Equal(9080u, Assert.Single(http.Route).Destination.Port);
        Assert.Equal(2, result.Resources[1].Origin?.Document);
        Assert.Equal(18, result.Resources[1].Origin?.Line);
    }

    [Fact]
    public void Load_RatingsTestDelay_GivesSevenSecondDelayForJason()
    {
        var result = MeshConfigLoader.Load(ConformanceFiles.Read("virtual-service-ratings-test-delay.yaml"), "x.yaml");

        var service = Assert.IsType<VirtualService>(Assert.Single(result.Resources).Resource);
        var first = service.Spec.Http[0];
        Assert.Equal(StringMatch.Exact("jason"), first.Match[0].Headers["end-user"]);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Fault?.Delay?.FixedDelay);
        Assert.Equal(100.0, first.Fault?.Delay?.Percentage?.Value);
    }

    [Theory]
    [MemberData(nameof(ConformanceFiles.Bookinfo), MemberType = typeof(ConformanceFiles))]
    public void ToYaml_BookinfoFile_LoadsBackToEqualResources(string name)
    {
        var original = MeshConfigLoader.Load(ConformanceFiles.Read(name), name).Resources.Select(r => r.Resource).ToList();

        var yaml = MeshConfigWriter.ToYaml(original);
        var reloaded = MeshConfigLoader.Load(yaml, "written.yaml");

        Assert.True(reloaded.Diagnostics.IsEmpty, string.Join("\n", reloaded.Diagnostics) + "\n" + yaml);
        Assert.Null(ContentEquality.FirstDifference(original, reloaded.Resources.Select(r => r.Resource).ToList()));
    }
}
