namespace OrleansMesh.GatewayApi;

/// <summary>
/// The hosts an HTTPRoute takes on a listener: the intersection of its <c>hostnames</c> and the listener's
/// <c>hostname</c>, as the Gateway API defines it (an empty side takes the other; a wildcard side takes the names
/// it covers, and the narrower of two wildcards).
/// </summary>
public static class RouteHosts
{
    /// <summary>The hosts, lower case; <c>*</c> when neither side limits them, empty when they do not meet.</summary>
    public static IReadOnlyList<string> Intersect(IReadOnlyList<string> routeHostnames, string? listenerHostname)
    {
        ArgumentNullException.ThrowIfNull(routeHostnames);
        var listener = string.IsNullOrEmpty(listenerHostname) ? "*" : listenerHostname.ToLowerInvariant();
        if (routeHostnames.Count == 0)
        {
            return [listener];
        }

        var hosts = new List<string>();
        foreach (var hostname in routeHostnames.Select(h => h.ToLowerInvariant()))
        {
            var host = Covers(listener, hostname) ? hostname : Covers(hostname, listener) ? listener : null;
            if (host is not null && !hosts.Contains(host, StringComparer.Ordinal))
            {
                hosts.Add(host);
            }
        }

        return hosts;
    }

    // Whether every name `host` stands for is one `pattern` stands for.
    private static bool Covers(string pattern, string host)
    {
        if (pattern == "*" || pattern == host)
        {
            return true;
        }

        if (!pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return false;
        }

        var suffix = pattern[1..];
        return host.StartsWith("*.", StringComparison.Ordinal)
            ? host[1..].EndsWith(suffix, StringComparison.Ordinal)
            : host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal);
    }
}
