using OrleansMesh.Inference;

namespace OrleansMesh.GatewayApi;

/// <summary>Reads a backendRef's group and kind, and the registry host it routes to.</summary>
public static class BackendKinds
{
    /// <summary>The InferencePool's group (GIE v1).</summary>
    public const string PoolGroup = "inference.networking.k8s.io";

    // GIE's alpha group, still in older quickstart HTTPRoutes: it names the same pool.
    private const string AlphaPoolGroup = "inference.networking.x-k8s.io";

    /// <summary>What <paramref name="backend"/> names.</summary>
    public static BackendKind Of(HttpBackendRef backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var group = backend.Group ?? "";
        var kind = backend.Kind ?? "Service";
        return (group, kind) switch
        {
            ("" or "core", "Service") => BackendKind.Service,
            (PoolGroup or AlphaPoolGroup, "InferencePool") => BackendKind.InferencePool,
            ("networking.istio.io", "Hostname") => BackendKind.Hostname,
            _ => BackendKind.Unknown,
        };
    }

    /// <summary>
    /// The registry host <paramref name="backend"/> routes to, as Istio resolves it: a Service in the backend's namespace
    /// (default <paramref name="routeNamespace"/>) is <c>NAME.NAMESPACE.svc.cluster.local</c>, the ServiceEntry host a
    /// Kubernetes Service would have; a pool is <c>NAME.NAMESPACE.inferencepool</c>; an Istio Hostname is itself.
    /// Null for an unknown kind.
    /// </summary>
    public static string? Host(HttpBackendRef backend, string routeNamespace)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var ns = string.IsNullOrEmpty(backend.Namespace) ? routeNamespace : backend.Namespace;
        return Of(backend) switch
        {
            BackendKind.Service => $"{backend.Name}.{ns}.svc.cluster.local".ToLowerInvariant(),
            BackendKind.InferencePool => InferencePoolHosts.Host(backend.Name, ns),
            BackendKind.Hostname => backend.Name,
            _ => null,
        };
    }
}
