using System.Text;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Jwt;
using static OrleansMesh.Gateway.Tests.Security.TestTokens;

namespace OrleansMesh.Gateway.Tests.Security;

public sealed class JwtFailureReasonTests
{
    private readonly JwtValidator _validator = new(new MeshSecurityOptions(), new FakeTimeProvider(Now));

    [Theory]
    [InlineData("none", "jwt_algorithm")]
    [InlineData("hs256-public-key", "jwt_algorithm")]
    [InlineData("unknown-kid", "jwt_unknown_key")]
    [InlineData("oversize", "jwt_too_large")]
    [InlineData("expired", "jwt_expired")]
    [InlineData("forged", "jwt_signature")]
    [InlineData("wrong-issuer", "jwt_issuer")]
    [InlineData("empty-signature", "jwt_missing_signature")]
    [InlineData("garbage", "jwt_malformed")]
    public async Task ValidateAsync_BadToken_RefusedForItsReason(string kind, string code)
    {
        var token = kind switch
        {
            "none" => Unsigned(Header("none", null), "{\"iss\":\"https://issuer.test\"}", "x"),
            "hs256-public-key" => Hs256(Claims(), Encoding.UTF8.GetBytes(Rsa.ExportSubjectPublicKeyInfoPem())),
            "unknown-kid" => Rs256(Claims(), "k9"),
            "oversize" => new string('a', 9000),
            "expired" => Rs256(Claims(TimeSpan.FromMinutes(-5))),
            "forged" => Rs256(Claims(), "k1", Attacker),
            "wrong-issuer" => Rs256(Claims(issuer: "x")),
            "empty-signature" => Rs256(Claims())[..(Rs256(Claims()).LastIndexOf('.') + 1)],
            _ => "not-a-token",
        };

        var result = await _validator.ValidateAsync(token, [new JwtProvider(Rule(), new InlineJwks(Keys()))], CancellationToken.None);

        Assert.Equal(code, result.Failure!.Code);
    }

    private static IReadOnlyList<Microsoft.IdentityModel.Tokens.JsonWebKey> Keys() =>
        JwksParser.TryParse(Jwks((Rsa, "k1")), out var keys) ? keys : [];
}
