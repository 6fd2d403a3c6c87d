using k8s.Models;
using Orleans.Hosting.Kubernetes;
using OrleansMesh.Configuration;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Hosting;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Silo.Hosting;

namespace OrleansMesh.Deployment.Tests.Manifests;

/// <summary>The manifests agree with the code: ports, health paths, Orleans' Kubernetes labels and variables, settings.</summary>
public sealed class ManifestCodeDefaultsTests
{
    private static V1Deployment SiloDeployment => KubernetesManifests.Named<V1Deployment>("orleansmesh-silo");

    private static V1Container Silo => KubernetesManifests.Container(SiloDeployment);

    private static V1Container Gateway => KubernetesManifests.Container(KubernetesManifests.Named<V1Deployment>("orleansmesh-gateway"));

    private static V1Container ConfigJob => Assert.Single(KubernetesManifests.Named<V1Job>("orleansmesh-config-apply").Spec.Template.Spec.Containers);

    [Fact]
    public void Silo_PortsAreTheClusterDefaults()
    {
        Assert.Equal(MeshClusterDefaults.SiloPort, Port(Silo, "silo"));
        Assert.Equal(MeshClusterDefaults.GatewayPort, Port(Silo, "orleans-gateway"));
        Assert.Equal(MeshClusterDefaults.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture), KubernetesManifests.Env(Silo, "OrleansMesh__SiloPort"));
        Assert.Equal(MeshClusterDefaults.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), KubernetesManifests.Env(Silo, "OrleansMesh__GatewayPort"));
    }

    [Fact]
    public void Silo_ProbesHitTheSiloHealthEndpointOnItsListenPort()
    {
        var listen = BindingAddress.Parse(KubernetesManifests.Env(Silo, "ASPNETCORE_URLS"));

        Assert.Equal(BindingAddress.Parse(MeshSiloDefaults.HealthUrl).Port, listen.Port);
        Assert.All([Silo.ReadinessProbe, Silo.LivenessProbe, Silo.StartupProbe], probe =>
        {
            Assert.Equal(MeshSiloDefaults.HealthPath, probe.HttpGet.Path);
            Assert.Equal(listen.Port, KubernetesManifests.ResolvePort(Silo, probe.HttpGet.Port));
        });
    }

    [Fact]
    public void Silo_PodCarriesOrleansKubernetesLabelsAndReadsThemThroughTheDownwardApi()
    {
        var labels = SiloDeployment.Spec.Template.Metadata.Labels;

        Assert.Equal(MeshClusterDefaults.ServiceId, labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.True(labels.ContainsKey(KubernetesHostingOptions.ClusterIdLabel));
        Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']", KubernetesManifests.FieldRef(Silo, KubernetesHostingOptions.ServiceIdEnvironmentVariable));
        Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']", KubernetesManifests.FieldRef(Silo, KubernetesHostingOptions.ClusterIdEnvironmentVariable));
        Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']", KubernetesManifests.FieldRef(Silo, "OrleansMesh__ServiceId"));
        Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']", KubernetesManifests.FieldRef(Silo, "OrleansMesh__ClusterId"));
        Assert.Equal("metadata.name", KubernetesManifests.FieldRef(Silo, KubernetesHostingOptions.PodNameEnvironmentVariable));
        Assert.Equal("metadata.namespace", KubernetesManifests.FieldRef(Silo, KubernetesHostingOptions.PodNamespaceEnvironmentVariable));
        Assert.Equal("status.podIP", KubernetesManifests.FieldRef(Silo, KubernetesHostingOptions.PodIPEnvironmentVariable));
    }

    [Fact]
    public void Silo_UsesKubernetesClusteringWithRedisAtTheRedisService()
    {
        Assert.Equal(MeshClusterOptions.KubernetesClustering, KubernetesManifests.Env(Silo, "OrleansMesh__Clustering"));
        Assert.Equal(RedisServiceAddress(), KubernetesManifests.Env(Silo, "OrleansMesh__Redis"));
    }

    [Fact]
    public void Silo_ServiceAccountMayWatchAndDeletePods()
    {
        var account = KubernetesManifests.Named<V1ServiceAccount>(SiloDeployment.Spec.Template.Spec.ServiceAccountName);
        var binding = Assert.Single(KubernetesManifests.OfType<V1RoleBinding>(), b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account.Metadata.Name));
        var role = KubernetesManifests.Named<V1Role>(binding.RoleRef.Name);

        Assert.Equal("Role", binding.RoleRef.Kind);
        var rule = Assert.Single(role.Rules, r => r.Resources.Contains("pods"));
        Assert.Equal([""], rule.ApiGroups);
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "delete" }, rule.Verbs.ToHashSet());
    }

    [Fact]
    public void Gateway_JoinsTheSilosCluster()
    {
        var labels = SiloDeployment.Spec.Template.Metadata.Labels;

        foreach (var client in new[] { Gateway, ConfigJob })
        {
            Assert.Equal(KubernetesManifests.Env(Silo, "OrleansMesh__Clustering"), KubernetesManifests.Env(client, "OrleansMesh__Clustering"));
            Assert.Equal(KubernetesManifests.Env(Silo, "OrleansMesh__Redis"), KubernetesManifests.Env(client, "OrleansMesh__Redis"));
            Assert.Equal(labels[KubernetesHostingOptions.ServiceIdLabel], KubernetesManifests.Env(client, "OrleansMesh__ServiceId"));
            Assert.Equal(labels[KubernetesHostingOptions.ClusterIdLabel], KubernetesManifests.Env(client, "OrleansMesh__ClusterId"));
        }
    }

    [Fact]
    public void Gateway_ProxyAndAdminPortsAreTheCodeDefaults()
    {
        Assert.Equal(BindingAddress.Parse(MeshGatewayOptions.DefaultUrl).Port, Port(Gateway, "http"));
        Assert.Equal(BindingAddress.Parse(MeshGatewayAdminOptions.DefaultAdminUrl).Port, Port(Gateway, "admin"));
        Assert.Equal(Port(Gateway, "http"), BindingAddress.Parse(KubernetesManifests.Env(Gateway, "ASPNETCORE_URLS")).Port);
        Assert.Equal(Port(Gateway, "admin"), BindingAddress.Parse(KubernetesManifests.Env(Gateway, "OrleansMesh__Gateway__AdminUrls")).Port);
    }

    [Fact]
    public void Gateway_SharedArrayPoolLimitIsTheImages()
    {
        // The image sets it for HttpClient's pooled HTTP/2 receive blocks (Benchmarks/results/streams-2026-12-07-heap.md);
        // a deployment from the manifests must run the gateway as measured.
        const string Name = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";
        var image = Assert.Single(RepositoryFiles.Read("Gateway", "Dockerfile").Split('\n').Select(l => l.Trim().TrimEnd('\\').Trim()), l => l.StartsWith(Name + "=", StringComparison.Ordinal));

        Assert.Equal(image[(Name.Length + 1)..], KubernetesManifests.Env(Gateway, Name));
    }

    [Fact]
    public void Gateway_ProbesHitReadinessAndLivenessOnTheAdminPort()
    {
        Assert.Equal(MeshGatewayAdminOptions.ReadyPath, Gateway.ReadinessProbe.HttpGet.Path);
        Assert.Equal(MeshGatewayAdminOptions.LivePath, Gateway.LivenessProbe.HttpGet.Path);
        Assert.Equal(Port(Gateway, "admin"), KubernetesManifests.ResolvePort(Gateway, Gateway.ReadinessProbe.HttpGet.Port));
        Assert.Equal(Port(Gateway, "admin"), KubernetesManifests.ResolvePort(Gateway, Gateway.LivenessProbe.HttpGet.Port));
    }

    [Fact]
    public void Gateway_LoadBalancerServiceExposesTheProxyPortOnly()
    {
        var service = KubernetesManifests.Named<V1Service>("orleansmesh-gateway");

        Assert.Equal("LoadBalancer", service.Spec.Type);
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal(Port(Gateway, "http"), KubernetesManifests.ResolvePort(Gateway, port.TargetPort));
    }

    [Fact]
    public void Gateway_PodLabelsMatchTheGatewaysOwnDefaultLabels()
    {
        var labels = KubernetesManifests.Named<V1Deployment>("orleansmesh-gateway").Spec.Template.Metadata.Labels;

        Assert.All(new MeshGatewayOptions().Labels, l => Assert.Equal(l.Value, labels[l.Key]));
    }

    [Fact]
    public void ModelServer_ListensOnTheDefaultPort()
    {
        var server = KubernetesManifests.Container(KubernetesManifests.Named<V1Deployment>("orleansmesh-model-server"));

        Assert.Equal(BindingAddress.Parse(ModelServerDefaults.Url).Port, Port(server, "http"));
        Assert.Equal(Port(server, "http"), BindingAddress.Parse(KubernetesManifests.Env(server, "ASPNETCORE_URLS")).Port);
    }

    [Fact]
    public void Redis_PersistsToAVolumeWithAppendOnlyFile()
    {
        var redis = KubernetesManifests.Named<V1StatefulSet>("orleansmesh-redis");
        var container = Assert.Single(redis.Spec.Template.Spec.Containers);
        var claim = Assert.Single(redis.Spec.VolumeClaimTemplates);

        Assert.Equal("orleansmesh-redis", redis.Spec.ServiceName);
        Assert.Contains(container.VolumeMounts, m => m.Name == claim.Metadata.Name && m.MountPath == "/data");
        Assert.Equal("yes", container.Args[container.Args.IndexOf("--appendonly") + 1]);
    }

    [Fact]
    public void Images_OurContainersUseTheImagesTheDockerfilesBuild()
    {
        var built = RepositoryFiles.Read("eng", "docker-images.sh");
        var ours = KubernetesManifests.Containers().Select(c => c.Container.Image).Where(i => i.StartsWith("orleansmesh/", StringComparison.Ordinal)).Distinct().ToList();

        Assert.Equal(3, ours.Count);
        Assert.All(ours, image => Assert.Contains($"build {image} ", built, StringComparison.Ordinal));
    }

    [Fact]
    public void MeshConfig_ConfigMapHoldsValidConfigAndTheJobAppliesIt()
    {
        var configMap = KubernetesManifests.Named<V1ConfigMap>("orleansmesh-mesh-config");
        var (file, yaml) = Assert.Single(configMap.Data);
        var loaded = MeshConfigLoader.Load(yaml, file);
        var job = KubernetesManifests.Named<V1Job>("orleansmesh-config-apply").Spec.Template.Spec;
        var volume = Assert.Single(job.Volumes, v => v.ConfigMap?.Name == configMap.Metadata.Name);
        var mount = Assert.Single(ConfigJob.VolumeMounts, m => m.Name == volume.Name);

        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        Assert.NotEmpty(loaded.Resources);
        Assert.Equal(["apply", "-f", $"{mount.MountPath}/{file}"], ConfigJob.Command.Skip(2));
    }

    private static int Port(V1Container container, string name) =>
        Assert.Single(container.Ports, p => p.Name == name).ContainerPort;

    private static string RedisServiceAddress()
    {
        var service = KubernetesManifests.Named<V1Service>("orleansmesh-redis");
        return $"{service.Metadata.Name}:{Assert.Single(service.Spec.Ports).Port}";
    }
}
