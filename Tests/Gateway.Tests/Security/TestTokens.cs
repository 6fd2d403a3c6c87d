using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Tests.Security;

/// <summary>Keys the tests generate and tokens signed (or forged) with them.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://issuer.test";
    public const string IstioIssuer = "testing@secure.istio.io";
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly RSA Rsa = RSA.Create(2048);
    public static readonly RSA Attacker = RSA.Create(2048);
    public static readonly ECDsa Ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string IstioJwks => File.ReadAllText(Path.Combine(SharedCorpus.Root, "conformance", "istio", "jwt", "jwks.json"));

    public static string IstioToken(string name) => File.ReadAllText(Path.Combine(SharedCorpus.Root, "conformance", "istio", "jwt", name)).Trim();

    public static string Jwks(params (RSA Key, string Kid)[] keys) =>
        JsonSerializer.Serialize(new { keys = keys.Select(k => RsaJwk(k.Key, k.Kid)).Append(EcJwk()).ToArray() });

    public static object RsaJwk(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return new { kty = "RSA", kid, e = B64(p.Exponent!), n = B64(p.Modulus!) };
    }

    public static object EcJwk()
    {
        var p = Ec.ExportParameters(false);
        return new { kty = "EC", kid = "e1", crv = "P-256", x = B64(p.Q.X!), y = B64(p.Q.Y!) };
    }

    public static JwtRule Rule(string issuer = Issuer, string? jwks = null, params string[] audiences) =>
        new() { Issuer = issuer, Jwks = jwks ?? Jwks((Rsa, "k1")), Audiences = [.. audiences] };

    public static Dictionary<string, object?> Claims(TimeSpan? expiresIn = null, string issuer = Issuer) => new()
    {
        ["iss"] = issuer,
        ["sub"] = "alice",
        ["iat"] = Now.ToUnixTimeSeconds(),
        ["exp"] = (Now + (expiresIn ?? TimeSpan.FromHours(1))).ToUnixTimeSeconds(),
    };

    public static string Header(string alg, string? kid = "k1", Dictionary<string, object?>? extra = null)
    {
        var header = new Dictionary<string, object?> { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        foreach (var (k, v) in extra ?? [])
        {
            header[k] = v;
        }

        return JsonSerializer.Serialize(header);
    }

    public static string Rs256(Dictionary<string, object?> claims, string? kid = "k1", RSA? key = null, Dictionary<string, object?>? extraHeader = null) =>
        Sign(Header("RS256", kid, extraHeader), JsonSerializer.Serialize(claims), data => (key ?? Rsa).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string Ps256(Dictionary<string, object?> claims) =>
        Sign(Header("PS256"), JsonSerializer.Serialize(claims), data => Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));

    public static string Es256(Dictionary<string, object?> claims, string kid = "e1") =>
        Sign(Header("ES256", kid), JsonSerializer.Serialize(claims), data => Ec.SignData(data, HashAlgorithmName.SHA256));

    public static string Hs256(Dictionary<string, object?> claims, byte[] secret, string alg = "HS256") =>
        Sign(Header(alg), JsonSerializer.Serialize(claims), data => HMACSHA256.HashData(secret, data));

    public static string Sign(string header, string payload, Func<byte[], byte[]> signer)
    {
        var input = B64(Encoding.UTF8.GetBytes(header)) + "." + B64(Encoding.UTF8.GetBytes(payload));
        return input + "." + B64(signer(Encoding.ASCII.GetBytes(input)));
    }

    public static string Unsigned(string header, string payload, string signature = "") =>
        B64(Encoding.UTF8.GetBytes(header)) + "." + B64(Encoding.UTF8.GetBytes(payload)) + "." + signature;

    public static string B64(byte[] data) => Base64Url.EncodeToString(data);

    public static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));
}
