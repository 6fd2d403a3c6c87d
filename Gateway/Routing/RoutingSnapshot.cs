using System.Collections.Frozen;

namespace OrleansMesh.Gateway.Routing;

/// <summary>
/// The gateway's immutable, pre-compiled routing config at one generation. Looked up on every request;
/// replaced whole when the control plane pushes a change.
/// </summary>
internal sealed class RoutingSnapshot(long generation, FrozenDictionary<string, VirtualHost> exactHosts, KeyValuePair<string, VirtualHost>[] wildcardHosts, VirtualHost? catchAll)
{
    private readonly FrozenDictionary<string, VirtualHost>.AlternateLookup<ReadOnlySpan<char>> _exactBySpan = exactHosts.GetAlternateLookup<ReadOnlySpan<char>>();

    public static RoutingSnapshot Empty { get; } = new(0, FrozenDictionary<string, VirtualHost>.Empty, [], null);

    public long Generation { get; } = generation;

    public int HostCount => exactHosts.Count + wildcardHosts.Length + (catchAll is null ? 0 : 1);

    /// <summary>
    /// Finds the virtual host for a Host header value, as Envoy does: exact name, then the longest
    /// <c>*.suffix</c> wildcard, then <c>*</c>. The port, if any, is ignored.
    /// </summary>
    public VirtualHost? FindHost(string hostHeader)
    {
        var host = StripPort(hostHeader);
        if (_exactBySpan.TryGetValue(host, out var exact))
        {
            return exact;
        }

        foreach (var (suffix, wildcard) in wildcardHosts)
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return wildcard;
            }
        }

        return catchAll;
    }

    private static ReadOnlySpan<char> StripPort(string hostHeader)
    {
        var span = hostHeader.AsSpan();
        if (span.StartsWith("["))
        {
            var close = span.IndexOf(']');
            return close > 0 ? span[..(close + 1)] : span;
        }

        var colon = span.LastIndexOf(':');
        return colon >= 0 ? span[..colon] : span;
    }
}
