namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConsistentHashLB.HTTPCookie</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpCookieSettings")]
public sealed record HttpCookieSettings
{
    /// <summary>The cookie name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The cookie path.</summary>
    [Id(1)] public string? Path { get; init; }

    /// <summary>Lifetime of a cookie the proxy sets.</summary>
    [Id(2)] public TimeSpan? Ttl { get; init; }
}
