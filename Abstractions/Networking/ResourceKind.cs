namespace OrleansMesh.Networking;

/// <summary>
/// The kinds OrleansMesh accepts: Istio's, OrleansMesh's own, the Gateway API's and its Inference Extension's. Sidecar,
/// EnvoyFilter, ProxyConfig and WorkloadGroup are stored as written and not enforced (<see cref="UnenforcedResource"/>);
/// new kinds are added at the end, since stored state holds the values.
/// </summary>
public enum ResourceKind
{
    /// <summary><c>networking.istio.io</c> VirtualService.</summary>
    VirtualService,

    /// <summary><c>networking.istio.io</c> DestinationRule.</summary>
    DestinationRule,

    /// <summary><c>networking.istio.io</c> ServiceEntry.</summary>
    ServiceEntry,

    /// <summary><c>networking.istio.io</c> WorkloadEntry.</summary>
    WorkloadEntry,

    /// <summary><c>networking.istio.io</c> Gateway.</summary>
    Gateway,

    /// <summary><c>security.istio.io</c> RequestAuthentication.</summary>
    RequestAuthentication,

    /// <summary><c>security.istio.io</c> AuthorizationPolicy.</summary>
    AuthorizationPolicy,

    /// <summary><c>security.istio.io</c> PeerAuthentication.</summary>
    PeerAuthentication,

    /// <summary><c>networking.istio.io</c> Sidecar: stored, not enforced (there are no sidecars).</summary>
    Sidecar,

    /// <summary><c>networking.istio.io</c> EnvoyFilter: stored, not enforced (the gateways are not Envoy).</summary>
    EnvoyFilter,

    /// <summary><c>networking.istio.io</c> ProxyConfig: stored, not enforced (it configures Envoy proxies).</summary>
    ProxyConfig,

    /// <summary><c>networking.istio.io</c> WorkloadGroup: stored, not enforced (workloads do not register themselves).</summary>
    WorkloadGroup,

    /// <summary><c>orleansmesh.io</c> Rollout: a canary or A/B release the mesh drives itself (OrleansMesh's extension).</summary>
    Rollout,

    /// <summary><c>inference.networking.k8s.io</c> InferencePool (Gateway API Inference Extension).</summary>
    InferencePool,

    /// <summary><c>inference.networking.x-k8s.io</c> InferenceObjective (Gateway API Inference Extension).</summary>
    InferenceObjective,

    /// <summary><c>gateway.networking.k8s.io</c> HTTPRoute (Gateway API), translated into VirtualService rules.</summary>
    HTTPRoute,

    /// <summary><c>gateway.networking.k8s.io</c> Gateway (Gateway API; written <c>kind: Gateway</c>), translated into Istio Gateways.</summary>
    KubernetesGateway,

    /// <summary><c>gateway.networking.k8s.io</c> GatewayClass: stored, not enforced (every class is served by the mesh's gateways).</summary>
    GatewayClass,
}
