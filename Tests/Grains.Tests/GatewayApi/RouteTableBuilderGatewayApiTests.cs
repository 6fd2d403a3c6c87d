using OrleansMesh.Configuration;
using OrleansMesh.Grains.Config;
using OrleansMesh.Grains.Routing;

namespace OrleansMesh.Grains.Tests.GatewayApi;

public sealed class RouteTableBuilderGatewayApiTests
{
    [Fact]
    public void Build_QuickstartCatchAll_HoldsTheTranslatedVirtualService()
    {
        var table = RouteTableBuilder.Build("*", Stored(Quickstart.Yaml));

        Assert.Equal("llm-route-httproute-*", Assert.Single(table.VirtualServices).Metadata.Name);
    }

    [Fact]
    public void AffectedHosts_ListenerHostnameSet_RewritesTheOldAndTheNewHost()
    {
        var before = Stored(Quickstart.Yaml);
        var after = Stored(Quickstart.Yaml.Replace("    protocol: HTTP\n", "    protocol: HTTP\n    hostname: llm.example.com\n", StringComparison.Ordinal));

        var hosts = RouteTableBuilder.AffectedHosts(before, after);

        Assert.Equal(["*", "llm.example.com"], hosts.ToArray());
    }

    [Fact]
    public void AffectedHosts_RouteDeleted_RewritesItsHost()
    {
        var before = Stored(Quickstart.Yaml);
        var after = before.Where(r => r.Resource.Kind != Networking.ResourceKind.HTTPRoute).ToList();

        Assert.Equal(["*"], RouteTableBuilder.AffectedHosts(before, after).ToArray());
    }

    private static List<StoredResource> Stored(string yaml) =>
        [.. MeshConfigLoader.Load(yaml, "quickstart.yaml").Resources.Select((r, i) => TestResources.Stored(r.Resource, i + 1))];
}
