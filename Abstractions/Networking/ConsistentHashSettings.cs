namespace OrleansMesh.Networking;

/// <summary>Istio <c>LoadBalancerSettings.ConsistentHashLB</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.ConsistentHashSettings")]
public sealed record ConsistentHashSettings
{
    /// <summary>Hash on this request header.</summary>
    [Id(0)] public string? HttpHeaderName { get; init; }

    /// <summary>Hash on this cookie.</summary>
    [Id(1)] public HttpCookieSettings? HttpCookie { get; init; }

    /// <summary>Hash on the client address.</summary>
    [Id(2)] public bool UseSourceIp { get; init; }

    /// <summary>Hash on this query parameter.</summary>
    [Id(3)] public string? HttpQueryParameterName { get; init; }

    /// <summary>Deprecated by Istio for <see cref="RingHash"/>: the ring size of a ring hash. Default: 1024, as Envoy.</summary>
    [Id(4)] public ulong? MinimumRingSize { get; init; }

    /// <summary>A ring hash (the default when neither this nor <see cref="Maglev"/> is set).</summary>
    [Id(5)] public ConsistentHashRingHash? RingHash { get; init; }

    /// <summary>A Maglev table instead of a ring.</summary>
    [Id(6)] public ConsistentHashMaglev? Maglev { get; init; }
}
