using OrleansMesh.Gateway.Mirroring;

namespace OrleansMesh.Gateway.Tests.Mirroring;

public sealed class ShadowAuthorityTests
{
    [Theory]
    [InlineData("chat-model", "chat-model-shadow")]
    [InlineData("chat-model:8080", "chat-model-shadow:8080")]
    [InlineData("chat.ns.svc.cluster.local", "chat.ns.svc.cluster.local-shadow")]
    [InlineData("[::1]:8080", "[::1]-shadow:8080")]
    [InlineData("[::1]", "[::1]-shadow")]
    public void Of_Authority_AppendsShadowToTheHostPart(string authority, string expected)
    {
        Assert.Equal(expected, ShadowAuthority.Of(authority));
    }
}
