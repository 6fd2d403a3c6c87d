namespace OrleansMesh.GatewayApi;

/// <summary>What an <see cref="HttpBackendRef"/> names.</summary>
public enum BackendKind
{
    /// <summary>A group and kind OrleansMesh does not route to.</summary>
    Unknown,

    /// <summary>A Kubernetes Service (core group, kind <c>Service</c>): the host <c>NAME.NAMESPACE.svc.cluster.local</c>.</summary>
    Service,

    /// <summary>An <c>InferencePool</c>: the pool host <c>NAME.NAMESPACE.inferencepool</c>.</summary>
    InferencePool,

    /// <summary>Istio's <c>networking.istio.io</c> <c>Hostname</c>: the registry host named, as written.</summary>
    Hostname,
}
