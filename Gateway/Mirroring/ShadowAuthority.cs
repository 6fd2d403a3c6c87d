namespace OrleansMesh.Gateway.Mirroring;

/// <summary>Envoy's shadow host: <c>-shadow</c> appended to the host part of the authority, the port kept.</summary>
internal static class ShadowAuthority
{
    public const string Suffix = "-shadow";

    /// <summary><c>chat-model</c> → <c>chat-model-shadow</c>; <c>chat-model:8080</c> → <c>chat-model-shadow:8080</c>.</summary>
    public static string Of(string authority)
    {
        ArgumentNullException.ThrowIfNull(authority);

        // An IPv6 literal's colons are not a port separator; its port follows the closing bracket.
        var hostEnd = authority.StartsWith('[') ? authority.IndexOf(']', StringComparison.Ordinal) + 1 : authority.LastIndexOf(':');
        return hostEnd <= 0 || hostEnd >= authority.Length
            ? authority + Suffix
            : string.Concat(authority.AsSpan(0, hostEnd), Suffix, authority.AsSpan(hostEnd));
    }
}
