namespace OrleansMesh.Gateway.Routing;

/// <summary>Istio host patterns: exact names, <c>*.suffix</c> and <c>*</c>.</summary>
internal static class HostPattern
{
    /// <summary>Whether <paramref name="pattern"/> covers every name <paramref name="host"/> (itself possibly a pattern) does.</summary>
    public static bool Covers(string pattern, string host)
    {
        if (pattern == "*" || string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern.AsSpan(1);
            var name = host.StartsWith("*.", StringComparison.Ordinal) ? host.AsSpan(1) : host.AsSpan();
            return name.Length > suffix.Length ? name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) : name.Equals(suffix, StringComparison.OrdinalIgnoreCase) && host.StartsWith('*');
        }

        return false;
    }
}
