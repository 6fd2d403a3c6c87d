using System.Security.Cryptography;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class SigningAuthorizationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SpiffeId Reviews = SpiffeId.Create("cluster.local", "default", "reviews");
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _ca = CaBootstrap.CreateRoot("cluster.local", Now.AddDays(-1), TimeSpan.FromDays(365));
    private readonly CertificateAuthorityState _state = new() { JoinTokenSecret = RandomNumberGenerator.GetBytes(32), JoinTokens = new(StringComparer.Ordinal) };

    [Fact]
    public void Check_NoCredential_RefusedSayingSo()
    {
        Assert.Equal("no workload credential (join token or renewal proof) was sent", SigningAuthorization.Check(TestCsrs.Valid(), Reviews, _state, _ca, Now));
    }

    [Fact]
    public void Check_JoinTokenForTheIdentity_Entitled()
    {
        var request = TestCsrs.Valid() with { JoinToken = Token("default", "reviews") };

        Assert.Null(SigningAuthorization.Check(request, Reviews, _state, _ca, Now));
    }

    [Fact]
    public void Check_JoinTokenForAnotherIdentity_RefusedNamingWhy()
    {
        var request = TestCsrs.Valid() with { JoinToken = Token("default", "ratings") };

        Assert.Equal(
            "join token 00000000000000a1 is for namespace 'default', service account 'ratings', not 'default', 'reviews'",
            SigningAuthorization.Check(request, Reviews, _state, _ca, Now));
    }

    [Fact]
    public void Refusal_NamesTheIdentityAndHowToGetAToken()
    {
        var message = SigningAuthorization.Refusal(Reviews, "no workload credential (join token or renewal proof) was sent");

        Assert.StartsWith($"Certificate request for {Reviews} refused: no workload credential", message, StringComparison.Ordinal);
        Assert.Contains("meshctl identity token create --namespace default --service-account reviews", message, StringComparison.Ordinal);
    }

    public void Dispose() => _ca.Dispose();

    private string Token(string @namespace, string serviceAccount)
    {
        var info = new JoinTokenInfo { Id = "00000000000000a1", Namespace = @namespace, ServiceAccount = serviceAccount, CreatedAt = Now, ExpiresAt = Now.AddHours(1) };
        _state.JoinTokens![info.Id] = info;
        return JoinTokenCodec.Create(_state.JoinTokenSecret!, info);
    }
}
