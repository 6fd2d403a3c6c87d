using k8s;
using k8s.Models;

namespace OrleansMesh.Deployment.Tests.Manifests;

/// <summary>The manifests agree with each other: selectors, Service ports, probes, budgets, autoscaling, resources.</summary>
public sealed class ManifestConsistencyTests
{
    [Fact]
    public void Kustomization_ListsEveryManifestFile()
    {
        var onDisk = Directory.GetFiles(RepositoryFiles.Path("k8s"), "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml");

        Assert.Equal(onDisk.Order(), KubernetesManifests.Files.Order());
    }

    [Fact]
    public void Load_EveryDocument_IsAKnownKubernetesKind()
    {
        Assert.All(KubernetesManifests.All, o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o));
        Assert.True(KubernetesManifests.All.Count >= 15, $"only {KubernetesManifests.All.Count} objects parsed");
    }

    [Fact]
    public void Workloads_SelectorMatchesTheirOwnPodTemplate()
    {
        Assert.All(
            KubernetesManifests.PodTemplates().Where(t => t.Selector is not null),
            t => Assert.True(KubernetesManifests.Selects(t.Selector!.MatchLabels, t.Template.Metadata.Labels), $"{t.Workload}: selector does not match its pods"));
    }

    [Fact]
    public void Services_SelectExactlyOneWorkloadWhosePodsHaveTheTargetPort()
    {
        foreach (var service in KubernetesManifests.OfType<V1Service>())
        {
            var selected = KubernetesManifests.PodTemplates().Where(t => KubernetesManifests.Selects(service.Spec.Selector, t.Template.Metadata.Labels)).ToList();
            var workload = Assert.Single(selected);
            foreach (var port in service.Spec.Ports)
            {
                Assert.True(
                    workload.Template.Spec.Containers.Any(c => KubernetesManifests.ResolvePort(c, port.TargetPort) is not null),
                    $"Service/{service.Metadata.Name} port {port.Name}: target {port.TargetPort.Value} is no port of {workload.Workload}");
            }
        }
    }

    [Fact]
    public void PodDisruptionBudgets_EachSelectsAWorkload()
    {
        var budgets = KubernetesManifests.OfType<V1PodDisruptionBudget>().ToList();

        Assert.Equal(3, budgets.Count);
        Assert.All(budgets, b => Assert.Single(KubernetesManifests.PodTemplates(), t => t.Selector is not null && KubernetesManifests.Selects(b.Spec.Selector.MatchLabels, t.Template.Metadata.Labels)));
    }

    [Fact]
    public void HorizontalPodAutoscaler_ScalesTheGatewayOnCpuItRequests()
    {
        var hpa = Assert.Single(KubernetesManifests.OfType<V2HorizontalPodAutoscaler>());
        var target = KubernetesManifests.Named<V1Deployment>(hpa.Spec.ScaleTargetRef.Name);

        Assert.Equal(("Deployment", "orleansmesh-gateway"), (hpa.Spec.ScaleTargetRef.Kind, target.Metadata.Name));
        Assert.Equal("cpu", Assert.Single(hpa.Spec.Metrics).Resource.Name);
        Assert.Contains("cpu", KubernetesManifests.Container(target).Resources.Requests.Keys);
        Assert.True(hpa.Spec.MinReplicas >= 2, "one gateway is no high availability");
    }

    [Fact]
    public void Containers_AllHaveCpuAndMemoryRequestsAndLimits()
    {
        Assert.All(KubernetesManifests.Containers(), c =>
        {
            Assert.True(c.Container.Resources?.Requests?.Keys.ToHashSet().SetEquals(["cpu", "memory"]), $"{c.Workload}: requests");
            Assert.True(c.Container.Resources?.Limits?.Keys.ToHashSet().SetEquals(["cpu", "memory"]), $"{c.Workload}: limits");
        });
    }

    [Fact]
    public void Probes_HttpGetPortsAreContainerPorts()
    {
        var probes = KubernetesManifests.Containers()
            .SelectMany(c => new[] { c.Container.ReadinessProbe, c.Container.LivenessProbe, c.Container.StartupProbe }
                .Where(p => p?.HttpGet is not null)
                .Select(p => (c.Workload, c.Container, p!.HttpGet)))
            .ToList();

        Assert.NotEmpty(probes);
        Assert.All(probes, p => Assert.NotNull(KubernetesManifests.ResolvePort(p.Container, p.HttpGet.Port)));
    }

    [Fact]
    public void LongRunningContainers_AllHaveReadinessAndLivenessProbes()
    {
        Assert.All(KubernetesManifests.Containers().Where(c => !c.Workload.StartsWith("Job/", StringComparison.Ordinal)), c =>
        {
            Assert.NotNull(c.Container.ReadinessProbe);
            Assert.NotNull(c.Container.LivenessProbe);
        });
    }

    [Fact]
    public void Pods_AllRunAsNonRoot()
    {
        Assert.All(KubernetesManifests.PodTemplates(), t => Assert.True(t.Template.Spec.SecurityContext?.RunAsNonRoot, $"{t.Workload} may run as root"));
    }
}
