using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
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

    [Fact]
    public void DemoConfig_Rollout_DrivesTheSplitAndLeavesTheOptInRoute()
    {
        var rollout = Resources.OfType<Rollout>().Single();
        var routes = Resources.OfType<VirtualService>().Single().Spec.Http;
        var weight = new LiveWeight { Rollout = rollout.Id, Host = rollout.Spec.Host, Stable = rollout.Spec.Stable, Canary = rollout.Spec.Canary, CanaryWeight = 10 };

        Assert.NotNull(LiveWeightOverlay.Find(routes.Single(r => r.Name == "canary-split"), [weight]));
        Assert.Null(LiveWeightOverlay.Find(routes.Single(r => r.Name == "canary-opt-in"), [weight]));
    }

    [Fact]
    public void BadCanarySample_LoadsOverTheDemoAndNamesANewCanary()
    {
        var result = MeshConfigLoader.Load(RepositoryFiles.Read("Samples", "Demo", "bad-canary.yaml"), "bad-canary.yaml");
        Assert.True(result.Diagnostics.IsEmpty, string.Join(Environment.NewLine, result.Diagnostics));
        var merged = Resources.Where(r => result.Resources.All(n => n.Resource.Id != r.Id)).Concat(result.Resources.Select(r => r.Resource)).ToList();

        Assert.Empty(MeshConfigValidator.ValidateReferences(merged, merged.Select(r => r.Id).ToHashSet()));
        Assert.Equal("v4", merged.OfType<Rollout>().Single().Spec.Canary);
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
