namespace OrleansMesh.Grains.Routing;

/// <summary>Host names as route-table keys: compared case-insensitively, stored lower-case.</summary>
internal static class HostKey
{
    /// <summary>The key of <paramref name="host"/>.</summary>
    public static string Normalize(string host) => host.ToLowerInvariant();

    /// <summary>True when <paramref name="hosts"/> lists <paramref name="key"/> literally (wildcards are hosts of their own).</summary>
    public static bool Lists(IEnumerable<string> hosts, string key) =>
        hosts.Any(h => string.Equals(h, key, StringComparison.OrdinalIgnoreCase));
}
