namespace OrleansMesh.Configuration;

/// <summary>
/// Kubernetes' own kinds (Deployment, Service, ConfigMap, RBAC, ...), which quickstart manifests such as the Gateway API
/// Inference Extension's mix with the kinds the mesh serves: skipped with a warning that says why, so such a file
/// applies as it is. A kind of one of the mesh's groups still gets "unknown kind ... did you mean".
/// </summary>
internal static class KubernetesKinds
{
    private static readonly HashSet<string> s_groups = new(StringComparer.Ordinal)
    {
        "v1", "apps/v1", "batch/v1", "policy/v1", "autoscaling/v1", "autoscaling/v2", "rbac.authorization.k8s.io/v1",
        "networking.k8s.io/v1", "apiextensions.k8s.io/v1", "storage.k8s.io/v1", "scheduling.k8s.io/v1",
        "coordination.k8s.io/v1", "discovery.k8s.io/v1", "admissionregistration.k8s.io/v1", "monitoring.coreos.com/v1",
    };

    private static readonly HashSet<string> s_workloads = new(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job", "CronJob", "LeaderWorkerSet",
    };

    /// <summary>True (with a warning) when the document is a Kubernetes kind the mesh does not serve.</summary>
    public static bool Skip(YamlTreeEntry apiVersion, YamlTreeEntry kind, ReadContext context)
    {
        if (apiVersion.Value is not YamlTreeScalar { IsNull: false } version || !s_groups.Contains(version.Value))
        {
            return false;
        }

        var named = kind.Value as YamlTreeScalar;
        context.Warning("kind", named?.Start ?? version.Start, Reason(named?.Value ?? "(no kind)", version.Value));
        return true;
    }

    private static string Reason(string kind, string apiVersion) => kind switch
    {
        _ when s_workloads.Contains(kind) => $"{kind} ({apiVersion}) is a Kubernetes workload kind; OrleansMesh takes endpoints from ServiceEntry/WorkloadEntry, skipped",
        "Service" => $"Service ({apiVersion}) is a Kubernetes Service; OrleansMesh's registry is ServiceEntry hosts and their endpoints (a backendRef to Service NAME routes to the host NAME.NAMESPACE.svc.cluster.local), skipped",
        _ => $"{kind} ({apiVersion}) is a Kubernetes kind OrleansMesh does not serve (it configures the cluster, not the mesh), skipped",
    };
}
