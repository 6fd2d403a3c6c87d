using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Identity;

namespace OrleansMesh.Gateway.Tests.Security.Identity;

/// <summary>The namespace of the gateway's SPIFFE ID follows the gateway's own namespace unless set apart.</summary>
public sealed class GatewayIdentityOptionsTests
{
    [Fact]
    public void Namespace_NotSet_IsTheGatewaysNamespace()
    {
        var identity = Resolve(("OrleansMesh:Gateway:Namespace", "edge"));

        Assert.Equal("edge", identity.Namespace);
    }

    [Fact]
    public void Namespace_NeitherSet_IsIstioSystem()
    {
        Assert.Equal("istio-system", Resolve().Namespace);
    }

    [Fact]
    public void Namespace_SetForTheIdentity_WinsOverTheGatewaysNamespace()
    {
        var identity = Resolve(("OrleansMesh:Gateway:Namespace", "edge"), ("OrleansMesh:Gateway:Identity:Namespace", "certs"));

        Assert.Equal("certs", identity.Namespace);
    }

    private static GatewayIdentityOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<MeshGatewayOptions>().BindConfiguration(MeshGatewayOptions.SectionName);
        services.AddMeshSecurity();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<GatewayIdentityOptions>>().Value;
    }
}
