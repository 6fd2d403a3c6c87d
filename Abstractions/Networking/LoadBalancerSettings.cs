namespace OrleansMesh.Networking;

/// <summary>Istio <c>LoadBalancerSettings</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.LoadBalancerSettings")]
public sealed record LoadBalancerSettings
{
    /// <summary>A simple policy. Default (unset): <see cref="SimpleLoadBalancer.LeastRequest"/>, as Istio.</summary>
    [Id(0)] public SimpleLoadBalancer? Simple { get; init; }

    /// <summary>Hash-based affinity.</summary>
    [Id(1)] public ConsistentHashSettings? ConsistentHash { get; init; }

    /// <summary>Time a new endpoint's share ramps up over.</summary>
    [Id(2)] public TimeSpan? WarmupDuration { get; init; }
}
