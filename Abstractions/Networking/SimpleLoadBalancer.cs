namespace OrleansMesh.Networking;

/// <summary>Istio <c>LoadBalancerSettings.SimpleLB</c>.</summary>
public enum SimpleLoadBalancer
{
    /// <summary><c>UNSPECIFIED</c>: the mesh's default, <see cref="LeastRequest"/>.</summary>
    Unspecified,

    /// <summary><c>RANDOM</c>.</summary>
    Random,

    /// <summary><c>PASSTHROUGH</c>: the original destination; not meaningful at a gateway, treated as <see cref="Random"/>.</summary>
    Passthrough,

    /// <summary><c>ROUND_ROBIN</c>.</summary>
    RoundRobin,

    /// <summary><c>LEAST_REQUEST</c>: power of two choices over outstanding requests.</summary>
    LeastRequest,

    /// <summary><c>LEAST_CONN</c>: deprecated alias of <see cref="LeastRequest"/>.</summary>
    LeastConn,
}
