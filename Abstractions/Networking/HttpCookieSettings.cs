using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConsistentHashLB.HTTPCookie</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpCookieSettings")]
public sealed record HttpCookieSettings
{
    /// <summary>The cookie name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The cookie path.</summary>
    [Id(1)] public string? Path { get; init; }

    /// <summary>
    /// Lifetime of a cookie the proxy sets. Unset: a request without the cookie has no hash key and the proxy sets
    /// none, as Envoy; zero: the proxy sets a session cookie.
    /// </summary>
    [Id(2)] public TimeSpan? Ttl { get; init; }

    /// <summary>Extra attributes of a cookie the proxy sets (e.g. <c>SameSite=Strict</c>, <c>Secure</c>).</summary>
    [Id(3)] public ImmutableArray<ConsistentHashCookieAttribute> Attributes { get; init; } = [];
}
