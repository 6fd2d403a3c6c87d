using Microsoft.IdentityModel.Tokens;

namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>Reads a JSON Web Key Set, keeping only public signing keys of the types <see cref="JwtAlgorithms"/> uses.</summary>
internal static class JwksParser
{
    /// <summary>The usable keys; false when the text is not a key set.</summary>
    public static bool TryParse(string json, out IReadOnlyList<JsonWebKey> keys)
    {
        keys = [];
        try
        {
            var set = new JsonWebKeySet(json) { SkipUnresolvedJsonWebKeys = true };
            keys = [.. set.Keys.Where(IsUsable)];
            return true;
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    // Symmetric (oct) keys are never verification keys here: an HMAC key in a published set would let anyone sign.
    private static bool IsUsable(JsonWebKey key) =>
        key.Kty is "RSA" or "EC"
        && (string.IsNullOrEmpty(key.Use) || key.Use == "sig")
        && (string.IsNullOrEmpty(key.Alg) || JwtAlgorithms.IsAllowed(key.Alg));
}
