namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConsistentHashLB.HTTPCookie.Attribute</c>: an attribute of a cookie the proxy sets.</summary>
[GenerateSerializer, Immutable, Alias("om.ConsistentHashCookieAttribute")]
public sealed record ConsistentHashCookieAttribute
{
    /// <summary>The attribute's name, e.g. <c>SameSite</c>.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>Its value; empty for a flag such as <c>Secure</c>.</summary>
    [Id(1)] public string? Value { get; init; }
}
