using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// Join tokens as strings: <c>omjt.&lt;payload&gt;.&lt;mac&gt;</c>, both parts base64url without padding. The payload is
/// UTF-8 <c>v1\n{id}\n{namespace}\n{service account}\n{expiry, Unix seconds}</c> (names never hold a newline); the MAC
/// is HMAC-SHA256, keyed by the CA's secret, over the ASCII text <c>omjt.&lt;payload&gt;</c>. The MAC is checked, in
/// constant time, before the payload is even decoded.
/// </summary>
internal static class JoinTokenCodec
{
    private const string Version = "v1";
    private const int MacLength = 32;

    /// <summary>The token for <paramref name="info"/>, signed with <paramref name="secret"/>.</summary>
    public static string Create(byte[] secret, JoinTokenInfo info)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(info);
        var payload = string.Join('\n', Version, info.Id, info.Namespace, info.ServiceAccount, info.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var signed = JoinTokenFormat.Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        return signed + "." + Base64Url.EncodeToString(Mac(secret, signed));
    }

    /// <summary>The claims of a token signed with <paramref name="secret"/>; null, with the reason, for anything else. Never throws.</summary>
    public static JoinTokenClaims? Read(byte[] secret, string? token, out string failure)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!JoinTokenFormat.IsWellFormed(token))
        {
            failure = $"is not a join token (expected {JoinTokenFormat.Prefix}<payload>.<mac>)";
            return null;
        }

        var macStart = token!.LastIndexOf('.');
        var signed = token[..macStart];
        var mac = Decode(token[(macStart + 1)..]);
        if (mac is not { Length: MacLength } || !CryptographicOperations.FixedTimeEquals(mac, Mac(secret, signed)))
        {
            failure = "was not issued by this mesh CA (its signature does not verify)";
            return null;
        }

        var parts = Decode(signed[JoinTokenFormat.Prefix.Length..]) is { } payload ? Encoding.UTF8.GetString(payload).Split('\n') : [];
        if (parts.Length != 5 || parts[0] != Version
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            failure = "has a payload this CA does not understand";
            return null;
        }

        failure = "";
        return new JoinTokenClaims(parts[1], parts[2], parts[3], DateTimeOffset.FromUnixTimeSeconds(expiry));
    }

    private static byte[] Mac(byte[] secret, string signed) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signed));

    private static byte[]? Decode(string part)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
