namespace OrleansMesh.Security.Identity;

/// <summary>
/// The shape of a join token: <c>omjt.&lt;base64url payload&gt;.&lt;base64url HMAC-SHA256&gt;</c>. Only the CA, which
/// holds the HMAC key, can tell a valid token; this checks the shape, so a mistyped setting is caught at start.
/// </summary>
public static class JoinTokenFormat
{
    /// <summary>Every join token starts with this.</summary>
    public const string Prefix = "omjt.";

    /// <summary>Longest token accepted; real ones are about 150 characters.</summary>
    public const int MaxLength = 1024;

    /// <summary>Whether <paramref name="token"/> has the shape of a join token (prefix, two base64url parts).</summary>
    public static bool IsWellFormed(string? token)
    {
        if (token is null || token.Length > MaxLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = token[Prefix.Length..].Split('.');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(IsBase64UrlChar));
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
