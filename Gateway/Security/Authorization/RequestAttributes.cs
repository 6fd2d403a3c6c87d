using OrleansMesh.Gateway.Security.Authentication;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// What a policy can look at, taken from one request at one enforcement point (the gateway itself, or the chosen
/// destination endpoint). Peer identities (principal, namespace, service account) stay empty until mTLS.
/// </summary>
internal sealed record RequestAttributes
{
    public string Method { get; init; } = "";

    /// <summary>The normalised path, without the query.</summary>
    public string Path { get; init; } = "/";

    public string Host { get; init; } = "";

    public string? DestinationIp { get; init; }

    public string DestinationPort { get; init; } = "";

    /// <summary>The connection's peer address.</summary>
    public string? SourceIp { get; init; }

    /// <summary>The original client: the connection's peer, as Istio with no trusted proxies (numTrustedProxies 0).</summary>
    public string? RemoteIp { get; init; }

    public string? Sni { get; init; }

    public string? SourcePrincipal { get; init; }

    public string? SourceNamespace { get; init; }

    public string? SourceServiceAccount { get; init; }

    public MeshAuthentication? Authentication { get; init; }

    /// <summary>A request header's values joined with commas, as Envoy matches them; null when absent.</summary>
    public Func<string, string?> Header { get; init; } = static _ => null;
}
