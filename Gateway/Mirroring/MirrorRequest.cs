using System.Net;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Mirroring;

/// <summary>
/// What a mirror sends, taken from the client's request before it is forwarded: the mirror's task never touches the
/// <see cref="HttpContext"/>, which is recycled once the client's response is done.
/// </summary>
internal sealed class MirrorRequest
{
    // Hop-by-hop headers and those the client library sets itself; pseudo-headers (":...") are skipped too.
    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Proxy-Connection", "Upgrade", "TE", "Trailer", "Expect",
    };

    private readonly string _method;
    private readonly PathString _path;
    private readonly QueryString _query;
    private readonly KeyValuePair<string, StringValues>[] _headers;
    private readonly byte[]? _body;

    public MirrorRequest(HttpRequest request, string authority, byte[]? body, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        _method = request.Method;
        _path = request.Path;
        _query = request.QueryString;
        _headers = [.. request.Headers.Where(h => !h.Key.StartsWith(':') && !s_skipped.Contains(h.Key))];
        _body = body;
        Authority = ShadowAuthority.Of(authority);
        Timeout = timeout;
    }

    /// <summary>The shadow's Host: the request's authority with <c>-shadow</c> appended.</summary>
    public string Authority { get; }

    public TimeSpan Timeout { get; }

    /// <summary>A message for one endpoint; <paramref name="config"/> is the shadow cluster's (HTTP version).</summary>
    public HttpRequestMessage ToMessage(string destinationPrefix, ForwarderRequestConfig config)
    {
        var message = new HttpRequestMessage(HttpMethod.Parse(_method), RequestUtilities.MakeDestinationAddress(destinationPrefix, _path, _query))
        {
            Version = config.Version ?? HttpVersion.Version11,
            VersionPolicy = config.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower,
        };
        if (_body is not null)
        {
            message.Content = new ByteArrayContent(_body);
        }

        foreach (var (name, values) in _headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        message.Headers.Host = Authority;
        return message;
    }
}
