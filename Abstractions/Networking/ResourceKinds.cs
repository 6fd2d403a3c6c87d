namespace OrleansMesh.Networking;

/// <summary>How a <see cref="ResourceKind"/> is spelled in YAML's <c>kind</c> field.</summary>
public static class ResourceKinds
{
    /// <summary>
    /// The <c>kind</c> as written: the enum name, except the Gateway API's Gateway, which Kubernetes also calls
    /// <c>Gateway</c> (its group, <c>gateway.networking.k8s.io</c>, tells it from Istio's).
    /// </summary>
    public static string YamlKind(ResourceKind kind) => kind == ResourceKind.KubernetesGateway ? "Gateway" : kind.ToString();
}
