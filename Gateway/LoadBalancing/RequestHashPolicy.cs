using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Net.Http.Headers;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// Where a <c>consistentHash</c> takes a request's hash key from: a header, a cookie, the query string or the client
/// address. Computed once per request (not per attempt), and only for clusters that hash.
/// </summary>
internal sealed class RequestHashPolicy
{
    private readonly string? _header;
    private readonly string? _query;
    private readonly bool _sourceIp;
    private readonly HttpCookieSettings? _cookie;
    private readonly string? _cookieSuffix;
    private readonly Random _random;

    public RequestHashPolicy(ConsistentHashSettings settings, Random random)
    {
        _header = settings.HttpHeaderName;
        _query = settings.HttpQueryParameterName;
        _sourceIp = settings.UseSourceIp;
        _cookie = settings.HttpCookie;
        _cookieSuffix = _cookie is { Ttl: not null } ? CookieSuffix(_cookie) : null;
        _random = random;
    }

    /// <summary>
    /// The request's hash, or null when it has no key (the pick is then random). A missing cookie with a <c>ttl</c>
    /// is generated, hashed, and set on the response so that the client's next requests carry it (unless
    /// <paramref name="generateCookie"/> is false: a Rollout's sticky pick reads the key, the endpoint pick sets it).
    /// </summary>
    public ulong? Compute(HttpContext context, bool generateCookie = true)
    {
        if (_header is not null)
        {
            var values = context.Request.Headers[_header];
            return values.Count == 0 ? null : HashKeys.Hash(values.Count == 1 ? values[0] : values.ToString());
        }

        if (_query is not null)
        {
            var values = context.Request.Query[_query];
            return values.Count == 0 ? null : HashKeys.Hash(values.Count == 1 ? values[0] : values.ToString());
        }

        if (_sourceIp)
        {
            return SourceIp(context.Connection.RemoteIpAddress);
        }

        if (_cookie is not null)
        {
            if (context.Request.Cookies.TryGetValue(_cookie.Name, out var value))
            {
                return HashKeys.Hash(value);
            }

            if (_cookieSuffix is null || !generateCookie)
            {
                return null;
            }

            var generated = NewCookieValue();
            var header = _cookie.Name + "=" + generated + _cookieSuffix;

            // Registered once, before any attempt: a retry's Response.Clear() does not drop it.
            context.Response.OnStarting(static state =>
            {
                var (response, setCookie) = ((HttpResponse, string))state;
                response.Headers.Append(HeaderNames.SetCookie, setCookie);
                return Task.CompletedTask;
            }, (context.Response, header));
            return HashKeys.Hash(generated);
        }

        return null;
    }

    /// <summary>The attributes after <c>name=value</c> of a cookie this policy sets, as Envoy writes them.</summary>
    internal static string CookieSuffix(HttpCookieSettings cookie)
    {
        var builder = new StringBuilder();
        if (cookie.Ttl is { } ttl && ttl > TimeSpan.Zero)
        {
            // Zero: a session cookie, with no Max-Age.
            builder.Append("; Max-Age=").Append(((long)Math.Ceiling(ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(cookie.Path))
        {
            builder.Append("; Path=").Append(cookie.Path);
        }

        foreach (var attribute in cookie.Attributes)
        {
            builder.Append("; ").Append(attribute.Name);
            if (!string.IsNullOrEmpty(attribute.Value))
            {
                builder.Append('=').Append(attribute.Value);
            }
        }

        return builder.Append("; HttpOnly").ToString();
    }

    // Envoy hashes the downstream connection's address, not X-Forwarded-For; the gateway has no forwarded-headers
    // middleware, so this is the TCP peer. IPv4 seen through a dual-stack socket hashes as IPv4.
    private static ulong? SourceIp(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        return address.TryWriteBytes(bytes, out var written) ? HashKeys.Hash(bytes[..written]) : null;
    }

    private string NewCookieValue()
    {
        Span<byte> bytes = stackalloc byte[8];
        _random.NextBytes(bytes);

        return Convert.ToHexStringLower(bytes);
    }
}
