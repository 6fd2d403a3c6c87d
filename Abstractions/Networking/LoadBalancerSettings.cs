namespace OrleansMesh.Networking;

/// <summary>Istio <c>LoadBalancerSettings</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.LoadBalancerSettings")]
public sealed record LoadBalancerSettings
{
    /// <summary>A simple policy. Default (unset): <see cref="SimpleLoadBalancer.LeastRequest"/>, as Istio.</summary>
    [Id(0)] public SimpleLoadBalancer? Simple { get; init; }

    /// <summary>Hash-based affinity.</summary>
    [Id(1)] public ConsistentHashSettings? ConsistentHash { get; init; }

    /// <summary>
    /// Istio's deprecated <c>warmupDurationSecs</c>: time a new endpoint's share ramps up over, linearly from 10 %.
    /// </summary>
    [Id(2)] public TimeSpan? WarmupDuration { get; init; }

    /// <summary>Slow start of new endpoints (Istio's <c>warmup</c>); only one of it and <see cref="WarmupDuration"/> may be set.</summary>
    [Id(3)] public WarmupConfiguration? Warmup { get; init; }
}
