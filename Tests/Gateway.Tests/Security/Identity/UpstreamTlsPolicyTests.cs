using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Security.Identity;

public sealed class UpstreamTlsPolicyTests
{
    [Fact]
    public void From_NoTlsOrDisable_IsNone()
    {
        Assert.Null(UpstreamTlsPolicy.From(null));
        Assert.Null(UpstreamTlsPolicy.From(new ClientTlsSettings { Mode = ClientTlsMode.Disable }));
    }

    [Fact]
    public void From_IstioMutualWithoutNames_UsesTheSharedMeshPool()
    {
        Assert.Null(UpstreamTlsPolicy.From(new ClientTlsSettings { Mode = ClientTlsMode.IstioMutual }));
        Assert.True(UpstreamTlsPolicy.UsesTls(new ClientTlsSettings { Mode = ClientTlsMode.IstioMutual }));
    }

    [Fact]
    public void From_IstioMutualWithNames_PinsThem()
    {
        var policy = UpstreamTlsPolicy.From(new ClientTlsSettings { Mode = ClientTlsMode.IstioMutual, SubjectAltNames = ["spiffe://cluster.local/ns/a/sa/b", "spiffe://cluster.local/ns/a/sa/c"] });

        Assert.Equal(["spiffe://cluster.local/ns/a/sa/b", "spiffe://cluster.local/ns/a/sa/c"], policy!.Names);
    }

    [Fact]
    public void From_SameRuleTwice_IsEqualSoThePoolIsKept()
    {
        ClientTlsSettings Rule() => new() { Mode = ClientTlsMode.Simple, Sni = "model.example.com", SubjectAltNames = ["model.example.com"], CaCertificates = "/etc/ca.pem" };

        Assert.Equal(UpstreamTlsPolicy.From(Rule()), UpstreamTlsPolicy.From(Rule()));
    }

    [Fact]
    public void From_ChangedCa_IsADifferentPolicy()
    {
        var before = UpstreamTlsPolicy.From(new ClientTlsSettings { Mode = ClientTlsMode.Simple, CaCertificates = "/etc/a.pem" });
        var after = UpstreamTlsPolicy.From(new ClientTlsSettings { Mode = ClientTlsMode.Simple, CaCertificates = "/etc/b.pem" });

        Assert.NotEqual(before, after);
    }
}
