namespace OrleansMesh.Networking;

/// <summary>The Istio kinds OrleansMesh accepts.</summary>
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
}
