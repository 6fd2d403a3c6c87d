using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Jwt;
using static OrleansMesh.Gateway.Tests.Security.TestTokens;

namespace OrleansMesh.Gateway.Tests.Security;

public sealed class JwtValidatorTests
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly JwtValidator _validator;
    private readonly JwtProvider[] _providers;

    public JwtValidatorTests()
    {
        _validator = new JwtValidator(new MeshSecurityOptions(), _time);
        _providers = [Provider(Rule(audiences: [])), Provider(Rule(IstioIssuer, IstioJwks))];
    }

    public static TheoryData<string, string> NegativeCorpus()
    {
        var claims = Claims();
        var payload = JsonSerializer.Serialize(claims);
        var publicPem = Encoding.UTF8.GetBytes(Rsa.ExportSubjectPublicKeyInfoPem());
        var modulus = Rsa.ExportParameters(false).Modulus!;
        var valid = Rs256(claims);
        var parts = valid.Split('.');
        var demo = IstioToken("demo.jwt").Split('.');
        var groups = IstioToken("groups-scope.jwt").Split('.');
        var attackerJwk = new Dictionary<string, object?> { ["jwk"] = RsaJwk(Attacker, "evil") };
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[10] ^= 0xFF;
        return new TheoryData<string, string>
        {
            { "alg none, empty signature", Unsigned(Header("none", null), payload) },
            { "alg None with a signature", Unsigned(Header("None"), payload, "c2ln") },
            { "alg NONE", Unsigned(Header("NONE"), payload, "c2ln") },
            { "alg nOnE", Unsigned(Header("nOnE"), payload) },
            { "HS256 keyed with the RSA public key PEM", Hs256(claims, publicPem) },
            { "HS256 keyed with the RSA modulus", Hs256(claims, modulus) },
            { "hs256 in lower case", Hs256(claims, publicPem, "hs256") },
            { "embedded jwk header naming the attacker's key", Rs256(claims, "evil", Attacker, attackerJwk) },
            { "embedded jwk header with a known kid", Rs256(claims, "k1", Attacker, attackerJwk) },
            { "jku header to the attacker's key set", Rs256(claims, "k1", Attacker, new() { ["jku"] = "http://127.0.0.1:1/jwks" }) },
            { "x5u header to the attacker's certificate", Rs256(claims, null, Attacker, new() { ["x5u"] = "http://127.0.0.1:1/cert" }) },
            { "empty signature", parts[0] + "." + parts[1] + "." },
            { "wrong issuer", Rs256(Claims(issuer: "https://other.test")) },
            { "expired beyond the clock skew", Rs256(Claims(TimeSpan.FromSeconds(-61))) },
            { "not yet valid", Rs256(new(claims) { ["nbf"] = (Now + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds() }) },
            { "tampered payload", parts[0] + "." + B64(payload.Replace("alice", "admin", StringComparison.Ordinal)) + "." + parts[2] },
            { "tampered signature", parts[0] + "." + parts[1] + "." + B64(signature) },
            { "unknown kid", Rs256(claims, "k9") },
            { "forged with another RSA key under a known kid", Rs256(claims, "k1", Attacker) },
            { "forged with another RSA key and no kid", Rs256(claims, null, Attacker) },
            { "oversize", Rs256(new(claims) { ["pad"] = new string('x', 9000) }) },
            { "one segment", "abc" },
            { "two segments", parts[0] + "." + parts[1] },
            { "not base64url", "@@@.###.$$$" },
            { "header not JSON", B64("{alg") + "." + parts[1] + "." + parts[2] },
            { "payload a JSON array", Sign(Header("RS256"), "[1,2]", d => Rsa.SignData(d, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) },
            { "encrypted (JWE)", "a.b.c.d.e" },
            { "exp not a number", Rs256(new(claims) { ["exp"] = "tomorrow" }) },
            { "crit header", Rs256(claims, extraHeader: new() { ["crit"] = new[] { "exp" } }) },
            { "EC signature labelled RS256 under the EC kid", Sign(Header("RS256", "e1"), payload, d => Ec.SignData(d, HashAlgorithmName.SHA256)) },
            { "ES256 under the RSA kid", Es256(claims, "k1") },
            { "Istio demo token with its payload swapped", demo[0] + "." + groups[1] + "." + demo[2] },
            { "Istio demo token with a spliced signature", demo[0] + "." + demo[1] + "." + groups[2] },
            { "Istio demo token re-signed as none", Unsigned(Header("none", null), Encoding.UTF8.GetString(Base64Url.DecodeFromChars(demo[1]))) },
        };
    }

    [Theory]
    [MemberData(nameof(NegativeCorpus))]
    public async Task ValidateAsync_NegativeCorpus_Refused(string name, string token)
    {
        var result = await _validator.ValidateAsync(token, _providers, CancellationToken.None);

        Assert.False(result.Succeeded, name);
        Assert.NotNull(result.Failure);
        Assert.Null(result.Authentication);
    }

    [Fact]
    public async Task ValidateAsync_NegativeCorpus_NoneAccepted()
    {
        var accepted = 0;
        foreach (var row in NegativeCorpus())
        {
            accepted += (await _validator.ValidateAsync((string)row[1], _providers, CancellationToken.None)).Succeeded ? 1 : 0;
        }

        Assert.True(NegativeCorpus().Count >= 30);
        Assert.Equal(0, accepted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ValidateAsync_InvalidUtf8InHeaderOrPayload_MalformedNotThrown(bool inHeader)
    {
        // Found by the jwt fuzz target: a string value that is not UTF-8 threw InvalidOperationException (a 500).
        byte[] bad = [.. "{\"alg\":\"RS"u8, 0xD3, .. "\"}"u8];
        var header = inHeader ? B64(bad) : B64(Header("RS256"));
        var payload = inHeader ? B64(JsonSerializer.Serialize(Claims())) : B64([.. "{\"iss\":\""u8, 0xD3, .. "\"}"u8]);

        var result = await _validator.ValidateAsync(header + "." + payload + ".c2ln", _providers, CancellationToken.None);

        Assert.Equal("jwt_malformed", result.Failure?.Code);
    }

    [Fact]
    public async Task ValidateAsync_EscapedLoneSurrogateInClaim_MalformedNotThrown()
    {
        var payload = B64("""{"iss":"\ud800","aud":"\udfff"}""");

        var result = await _validator.ValidateAsync(B64(Header("RS256")) + "." + payload + ".c2ln", _providers, CancellationToken.None);

        Assert.Equal("jwt_malformed", result.Failure?.Code);
    }

    [Fact]
    public async Task ValidateAsync_WrongAudience_Refused()
    {
        var result = await _validator.ValidateAsync(Rs256(new(Claims()) { ["aud"] = "other" }), [Provider(Rule(audiences: ["api"]))], CancellationToken.None);

        Assert.Equal("Audiences in Jwt are not allowed", result.Failure!.Message);
    }

    [Fact]
    public async Task ValidateAsync_AudienceInArray_Accepted()
    {
        var result = await _validator.ValidateAsync(Rs256(new(Claims()) { ["aud"] = new[] { "x", "api" } }), [Provider(Rule(audiences: ["api"]))], CancellationToken.None);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task ValidateAsync_IstioDemoToken_AcceptedWithClaims()
    {
        var result = await _validator.ValidateAsync(IstioToken("demo.jwt"), _providers, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("testing@secure.istio.io/testing@secure.istio.io", result.Authentication!.Principal);
        Assert.Equal(["bar"], result.Authentication.Claim("foo"));
    }

    [Fact]
    public async Task ValidateAsync_IstioGroupsToken_AcceptedWithGroups()
    {
        var result = await _validator.ValidateAsync(IstioToken("groups-scope.jwt"), _providers, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(["group1", "group2"], result.Authentication!.Claim("groups"));
        Assert.Equal(["scope1", "scope2"], result.Authentication.Claim("scope"));
    }

    [Theory]
    [InlineData("RS256 with kid")]
    [InlineData("RS256 without kid")]
    [InlineData("PS256")]
    [InlineData("ES256")]
    [InlineData("expired within the clock skew")]
    public async Task ValidateAsync_GoodToken_Accepted(string name)
    {
        var token = name switch
        {
            "RS256 with kid" => Rs256(Claims()),
            "RS256 without kid" => Rs256(Claims(), kid: null),
            "PS256" => Ps256(Claims()),
            "ES256" => Es256(Claims()),
            _ => Rs256(Claims(TimeSpan.FromSeconds(-30))),
        };

        var result = await _validator.ValidateAsync(token, _providers, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("https://issuer.test/alice", result.Authentication!.Principal);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredOnceClockAdvances_Refused()
    {
        var token = Rs256(Claims(TimeSpan.FromMinutes(1)));
        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        var result = await _validator.ValidateAsync(token, _providers, CancellationToken.None);

        Assert.Equal("Jwt is expired", result.Failure!.Message);
    }

    private static JwtProvider Provider(OrleansMesh.Security.JwtRule rule) =>
        new(rule, JwksParser.TryParse(rule.Jwks, out var keys) ? new InlineJwks(keys) : throw new InvalidOperationException());
}
