namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>
/// The algorithms a token may be signed with: asymmetric only, as Istio's issuers use. <c>none</c> (any case) and
/// the HMAC family are refused outright, so a token "signed" with an issuer's public key as an HMAC secret
/// (key confusion) never reaches signature checking. Names compare case-sensitively, as RFC 7515 says.
/// </summary>
internal static class JwtAlgorithms
{
    public static readonly string[] Allowed = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    public static bool IsAllowed(string? algorithm) => algorithm is not null && Allowed.Contains(algorithm, StringComparer.Ordinal);

    /// <summary>The key type (<c>kty</c>) and, for EC, curve an algorithm needs.</summary>
    public static (string KeyType, string? Curve) KeyFor(string algorithm) => algorithm switch
    {
        "ES256" => ("EC", "P-256"),
        "ES384" => ("EC", "P-384"),
        "ES512" => ("EC", "P-521"),
        _ => ("RSA", null),
    };
}
