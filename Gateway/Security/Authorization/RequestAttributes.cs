using System.Net;
using OrleansMesh.Gateway.Security.Authentication;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// What a policy can look at, taken from one request at one enforcement point (the gateway itself, or the chosen
/// destination endpoint). Peer identities (principal, namespace, service account) stay empty until mTLS.
/// </summary>
internal sealed record RequestAttributes
{
    private IPAddress? _sourceAddress;
    private IPAddress? _remoteAddress;

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

    /// <summary><see cref="SourceIp"/> as an address: given by the request path, parsed from the text otherwise.</summary>
    public IPAddress? SourceAddress
    {
        get => _sourceAddress ??= Parse(SourceIp);
        init => _sourceAddress = value;
    }

    /// <summary><see cref="RemoteIp"/> as an address: given by the request path, parsed from the text otherwise.</summary>
    public IPAddress? RemoteAddress
    {
        get => _remoteAddress ??= Parse(RemoteIp);
        init => _remoteAddress = value;
    }

    public string? Sni { get; init; }

    public string? SourcePrincipal { get; init; }

    public string? SourceNamespace { get; init; }

    public string? SourceServiceAccount { get; init; }

    public MeshAuthentication? Authentication { get; init; }

    /// <summary>The request's headers (none when null).</summary>
    public IHeaderDictionary? Headers { get; init; }

    /// <summary>A request header's values joined with commas, as Envoy matches them; null when absent.</summary>
    public string? Header(string name) => Headers is { } headers && headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static IPAddress? Parse(string? text) => text is not null && IPAddress.TryParse(text, out var address) ? address : null;
}
