namespace OrleansMesh.Gateway.Routing;

/// <summary>
/// Istio host patterns: exact names, <c>*</c>, and a wildcard first label, <c>*.suffix</c> or the partial
/// <c>*name.suffix</c> / <c>*-name.suffix</c> Istio's <c>ValidateWildcardDomain</c> allows: as Envoy's suffix
/// wildcards, <c>*</c> stands for at least one character.
/// </summary>
internal static class HostPattern
{
    /// <summary>Whether <paramref name="pattern"/> covers every name <paramref name="host"/> (itself possibly a pattern) does.</summary>
    public static bool Covers(string pattern, string host)
    {
        if (pattern == "*" || string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IsWildcard(pattern))
        {
            return false;
        }

        var suffix = pattern.AsSpan(1);

        // A pattern host is covered when every name it stands for is: its suffix ends with ours.
        return IsWildcard(host)
            ? host.AsSpan(1).EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            : host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A suffix pattern (<c>*.suffix</c>, <c>*name.suffix</c>); <c>*</c> alone is the catch-all, not one.</summary>
    public static bool IsWildcard(string host) => host.Length > 1 && host[0] == '*';
}
