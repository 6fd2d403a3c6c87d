using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class CertificateLedgerTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly CertificateAuthorityState _state = new() { JoinTokens = new(StringComparer.Ordinal) };

    [Fact]
    public void Record_ExpiredCertificates_Forgotten()
    {
        var ledger = new CertificateLedger(_state);
        ledger.Record(Issued("0A", Now.AddHours(1)), Now);

        ledger.Record(Issued("0B", Now.AddHours(3)), Now.AddHours(2));

        Assert.Equal(["0B"], _state.Issued.Keys);
    }

    [Fact]
    public void Revoke_SerialWithColonsInLowerCase_RevokesOnceAndListsIt()
    {
        var ledger = new CertificateLedger(_state);
        ledger.Record(Issued("0A1B", Now.AddHours(1)), Now);

        Assert.True(ledger.Revoke("0a:1b", Now, out var first));
        Assert.True(ledger.Revoke("0A1B", Now, out var second));

        Assert.Equal(Now, first!.RevokedAt);
        Assert.Null(second);
        Assert.Equal("0A1B", Assert.Single(ledger.Revoked(Now)));
    }

    [Fact]
    public void Revoke_UnknownOrExpired_False()
    {
        var ledger = new CertificateLedger(_state);
        ledger.Record(Issued("0A", Now.AddHours(1)), Now);

        Assert.False(ledger.Revoke("0B", Now, out _));
        Assert.False(ledger.Revoke("0A", Now.AddHours(1), out _));
    }

    [Fact]
    public void Current_ExpiredLeftOut_SoonestFirst()
    {
        var ledger = new CertificateLedger(_state);
        ledger.Record(Issued("0A", Now.AddHours(3)), Now);
        ledger.Record(Issued("0B", Now.AddHours(1)), Now);
        ledger.Record(Issued("0C", Now.AddHours(2)), Now);

        Assert.Equal(["0C", "0A"], ledger.Current(Now.AddHours(1)).Select(c => c.SerialNumber));
    }

    [Fact]
    public void RevokeToken_RevokesOnceAndKeepsItListed()
    {
        var ledger = new CertificateLedger(_state);
        ledger.AddToken(Token("00000000000000a1", Now.AddHours(1)), Now);

        Assert.True(ledger.RevokeToken("00000000000000A1", Now, out var first));
        Assert.True(ledger.RevokeToken("00000000000000a1", Now, out var second));

        Assert.Equal(Now, first!.RevokedAt);
        Assert.Null(second);
        Assert.Equal(Now, Assert.Single(ledger.Tokens(Now)).RevokedAt);
    }

    [Fact]
    public void AddToken_ExpiredTokensForgotten()
    {
        var ledger = new CertificateLedger(_state);
        ledger.AddToken(Token("00000000000000a1", Now.AddHours(1)), Now);

        ledger.AddToken(Token("00000000000000a2", Now.AddHours(3)), Now.AddHours(2));

        Assert.Equal(["00000000000000a2"], _state.JoinTokens!.Keys);
    }

    private static IssuedCertificate Issued(string serial, DateTimeOffset notAfter) =>
        new() { SerialNumber = serial, SpiffeId = TestCsrs.Id, NotBefore = Now, NotAfter = notAfter };

    private static JoinTokenInfo Token(string id, DateTimeOffset expiresAt) =>
        new() { Id = id, Namespace = "default", ServiceAccount = "reviews", CreatedAt = Now, ExpiresAt = expiresAt };
}
