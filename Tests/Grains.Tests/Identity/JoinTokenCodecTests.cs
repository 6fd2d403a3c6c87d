using System.Security.Cryptography;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class JoinTokenCodecTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    private static readonly JoinTokenInfo Info = new()
    {
        Id = "0123456789abcdef",
        Namespace = "models",
        ServiceAccount = "chat-model",
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000),
    };

    [Fact]
    public void Read_CreatedToken_ReturnsItsClaims()
    {
        var token = JoinTokenCodec.Create(Secret, Info);

        var claims = JoinTokenCodec.Read(Secret, token, out _);

        Assert.Equal(new JoinTokenClaims("0123456789abcdef", "models", "chat-model", Info.ExpiresAt), claims);
        Assert.StartsWith("omjt.", token, StringComparison.Ordinal);
        Assert.True(JoinTokenFormat.IsWellFormed(token));
    }

    [Fact]
    public void Read_PayloadForAnotherServiceAccountWithTheOriginalMac_Refused()
    {
        var token = JoinTokenCodec.Create(Secret, Info);
        var forged = JoinTokenCodec.Create(Secret, Info with { ServiceAccount = "admin" });
        var tampered = forged[..forged.LastIndexOf('.')] + token[token.LastIndexOf('.')..];

        var claims = JoinTokenCodec.Read(Secret, tampered, out var failure);

        Assert.Null(claims);
        Assert.Equal("was not issued by this mesh CA (its signature does not verify)", failure);
    }

    [Fact]
    public void Read_TamperedMac_Refused()
    {
        var token = JoinTokenCodec.Create(Secret, Info);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.Null(JoinTokenCodec.Read(Secret, tampered, out _));
    }

    [Fact]
    public void Read_TokenOfAnotherSecret_Refused()
    {
        var token = JoinTokenCodec.Create(RandomNumberGenerator.GetBytes(32), Info);

        Assert.Null(JoinTokenCodec.Read(Secret, token, out var failure));
        Assert.Contains("not issued by this mesh CA", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("omjt.")]
    [InlineData("omjt..")]
    [InlineData("omjt.abc")]
    [InlineData("omjt.abc.def.ghi")]
    [InlineData("omjt.a+b.c/d")]
    [InlineData("omjt.a.b")]
    [InlineData("omjt.AAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("jwt.abc.def")]
    [InlineData("omjt.\u00e9.\u00e9")]
    public void Read_MalformedString_RefusedWithoutThrowing(string? token)
    {
        Assert.Null(JoinTokenCodec.Read(Secret, token, out var failure));
        Assert.NotEmpty(failure);
    }

    [Fact]
    public void Read_OverlongToken_RefusedWithoutThrowing()
    {
        Assert.Null(JoinTokenCodec.Read(Secret, "omjt." + new string('A', 5000) + ".AAAA", out _));
    }

    [Fact]
    public void Read_ValidMacOverAPayloadOfAnotherShape_RefusedAsNotUnderstood()
    {
        // A MAC this CA made over bytes that are not a v1 payload (e.g. a later format) must not be misread.
        var signed = "omjt." + System.Buffers.Text.Base64Url.EncodeToString("v2\nx"u8);
        var token = signed + "." + System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(Secret, System.Text.Encoding.ASCII.GetBytes(signed)));

        Assert.Null(JoinTokenCodec.Read(Secret, token, out var failure));
        Assert.Equal("has a payload this CA does not understand", failure);
    }
}
