using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.Silo.Dev;

namespace OrleansMesh.Deployment.Tests.Demo;

/// <summary>The dev mesh's demo config loads cleanly and agrees with the demo model servers the dev mesh starts.</summary>
public sealed class DemoConfigTests
{
    private static readonly IReadOnlyList<MeshResource> Resources = Load();

    [Fact]
    public void DemoConfig_EveryDemoServer_IsAnEndpointWithItsVersionLabel()
    {
        var entry = Resources.OfType<ServiceEntry>().Single();

        foreach (var (version, url) in DemoModelServers.Versions)
        {
            var port = new Uri(url).Port;
            Assert.Contains(entry.Spec.Endpoints, e => e.Address == "127.0.0.1" && e.Ports.Values.Contains((uint)port) && e.Labels["version"] == version);
        }
    }

    [Fact]
    public void DemoConfig_SplitsBetweenTwoVersionsAndShadowsTheThird()
    {
        var split = Resources.OfType<VirtualService>().Single().Spec.Http.Single(r => r.Name == "canary-split");

        Assert.Equal(["v1", "v2"], split.Route.Select(r => r.Destination.Subset));
        Assert.Equal(100, split.Route.Sum(r => r.Weight ?? 0));
        Assert.Equal("v3", split.Mirror?.Subset);
    }

    private static List<MeshResource> Load()
    {
        var result = MeshConfigLoader.Load(RepositoryFiles.Read("Samples", "Demo", "mesh-demo.yaml"), "mesh-demo.yaml");
        Assert.True(result.Diagnostics.IsEmpty, string.Join(Environment.NewLine, result.Diagnostics));
        var resources = result.Resources.Select(r => r.Resource).ToList();
        var references = MeshConfigValidator.ValidateReferences(resources, resources.Select(r => r.Id).ToHashSet());
        Assert.True(references.IsEmpty, string.Join(Environment.NewLine, references));
        return resources;
    }
}
