using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>
/// The key sources of every jwtRule, shared across config snapshots so that a config push does not refetch keys
/// already held. Keys come only from the config (inline or its <c>jwksUri</c>), never from a token's
/// <c>jku</c>, <c>x5u</c>, <c>jwk</c> or <c>x5c</c> header.
/// </summary>
internal sealed class JwksCache : IDisposable
{
    private readonly ConcurrentDictionary<(string Uri, TimeSpan Timeout), RemoteJwks> _remote = new();
    private readonly HttpClient _client;
    private readonly MeshSecurityOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JwksCache> _logger;

    public JwksCache(IOptions<MeshSecurityOptions> options, TimeProvider time, ILogger<JwksCache> logger, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _client = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = _options.JwksFetchTimeout }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The key source of <paramref name="rule"/>; a remote one starts fetching at once.</summary>
    public IJwksSource For(JwtRule rule)
    {
        if (rule.Jwks.Length > 0)
        {
            return new InlineJwks(JwksParser.TryParse(rule.Jwks, out var keys) ? keys : Array.Empty<JsonWebKey>());
        }

        var key = (rule.JwksUri, rule.Timeout ?? _options.JwksFetchTimeout);
        var created = false;
        var source = _remote.GetOrAdd(key, k =>
        {
            created = true;
            return new RemoteJwks(new Uri(k.Uri), k.Timeout, _client, _options, _time, _logger);
        });
        if (created)
        {
            _ = source.Refresh();
        }

        return source;
    }

    /// <summary>Forgets sources no rule uses any more.</summary>
    public void Retain(IEnumerable<JwtRule> rules)
    {
        var used = rules.Where(r => r.Jwks.Length == 0).Select(r => (r.JwksUri, r.Timeout ?? _options.JwksFetchTimeout)).ToHashSet();
        foreach (var key in _remote.Keys.Where(k => !used.Contains(k)))
        {
            _remote.TryRemove(key, out _);
        }
    }

    public void Dispose() => _client.Dispose();
}
