using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class JoinTokenValidatorTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);
    private static readonly SpiffeId ChatModel = SpiffeId.Create("cluster.local", "models", "chat-model");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, JoinTokenInfo> _tokens = new(StringComparer.Ordinal);

    [Fact]
    public void Check_TokenForTheRequestedIdentity_Accepted()
    {
        var token = Create("models", "chat-model");

        Assert.Null(JoinTokenValidator.Check(Secret, token, ChatModel, _tokens, _time.GetUtcNow()));
    }

    [Fact]
    public void Check_AfterExpiry_Refused()
    {
        var token = Create("models", "chat-model");

        _time.Advance(TimeSpan.FromHours(24));

        Assert.Equal("join token 00000000000000a1 expired at 2030-01-02 00:00:00Z", JoinTokenValidator.Check(Secret, token, ChatModel, _tokens, _time.GetUtcNow()));
    }

    [Fact]
    public void Check_TokenOfAnotherServiceAccount_Refused()
    {
        var token = Create("models", "embedder");

        Assert.Equal(
            "join token 00000000000000a1 is for namespace 'models', service account 'embedder', not 'models', 'chat-model'",
            JoinTokenValidator.Check(Secret, token, ChatModel, _tokens, _time.GetUtcNow()));
    }

    [Fact]
    public void Check_TokenOfAnotherNamespace_Refused()
    {
        var token = Create("other", "chat-model");

        Assert.NotNull(JoinTokenValidator.Check(Secret, token, ChatModel, _tokens, _time.GetUtcNow()));
    }

    [Fact]
    public void Check_RevokedToken_Refused()
    {
        var token = Create("models", "chat-model");
        _tokens["00000000000000a1"] = _tokens["00000000000000a1"] with { RevokedAt = _time.GetUtcNow() };

        Assert.Equal("join token 00000000000000a1 was revoked", JoinTokenValidator.Check(Secret, token, ChatModel, _tokens, _time.GetUtcNow()));
    }

    [Fact]
    public void Check_TokenTheCaNoLongerRecords_Refused()
    {
        var token = Create("models", "chat-model");
        _tokens.Clear();

        Assert.Equal("join token 00000000000000a1 is not known to this CA", JoinTokenValidator.Check(Secret, token, ChatModel, _tokens, _time.GetUtcNow()));
    }

    [Fact]
    public void Check_Garbage_RefusedAsNotAJoinToken()
    {
        Assert.StartsWith("the join token is not a join token", JoinTokenValidator.Check(Secret, "hello", ChatModel, _tokens, _time.GetUtcNow()), StringComparison.Ordinal);
    }

    private string Create(string @namespace, string serviceAccount)
    {
        var info = new JoinTokenInfo
        {
            Id = "00000000000000a1",
            Namespace = @namespace,
            ServiceAccount = serviceAccount,
            CreatedAt = _time.GetUtcNow(),
            ExpiresAt = _time.GetUtcNow() + TimeSpan.FromHours(24),
        };
        _tokens[info.Id] = info;
        return JoinTokenCodec.Create(Secret, info);
    }
}
