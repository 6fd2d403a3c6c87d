using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Tests.Hosting;

/// <summary>The gateway's namespace setting: its default and the start-time validation of a bad value.</summary>
public sealed class MeshGatewayOptionsTests
{
    [Fact]
    public void Namespace_NotSet_IstioSystem()
    {
        Assert.Equal("istio-system", new MeshGatewayOptions().Namespace);
    }

    [Theory]
    [InlineData("istio-system")]
    [InlineData("edge")]
    [InlineData("team-1")]
    public void Validate_Dns1123Namespace_Succeeds(string value)
    {
        Assert.True(Validate(new MeshGatewayOptions { Namespace = value }).Succeeded);
    }

    [Theory]
    [InlineData("Edge")]
    [InlineData("team_1")]
    [InlineData("-edge")]
    [InlineData("edge.example")]
    public void Validate_NamespaceNotADns1123Label_FailsNamingTheSetting(string value)
    {
        var result = Validate(new MeshGatewayOptions { Namespace = value });

        Assert.True(result.Failed);
        Assert.Contains("OrleansMesh:Gateway:Namespace must be a DNS-1123 label", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyNamespace_FailsAsRequired()
    {
        var result = Validate(new MeshGatewayOptions { Namespace = "" });

        Assert.True(result.Failed);
        Assert.Contains("OrleansMesh:Gateway:Namespace is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamespaceOver63Characters_Fails()
    {
        var result = Validate(new MeshGatewayOptions { Namespace = new string('a', 64) });

        Assert.True(result.Failed);
        Assert.Contains("at most 63 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(MeshGatewayOptions options) =>
        new DataAnnotationValidateOptions<MeshGatewayOptions>(null).Validate(null, options);
}
