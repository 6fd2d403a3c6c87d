using Microsoft.Extensions.Logging.Abstractions;
using OrleansMesh.Samples.ModelServer.Security;
using OrleansMesh.Security;

namespace OrleansMesh.ModelServer.Tests.Security;

public sealed class MeshPeerAuthenticationTests
{
    [Fact]
    public void ModeFor_BeforeFirstRead_Strict()
    {
        var mode = new MeshPeerAuthentication(NullLogger<MeshPeerAuthentication>.Instance);

        Assert.Equal(MutualTlsMode.Strict, mode.ModeFor(9001));
    }

    [Fact]
    public void Update_FirstRead_MarksRead()
    {
        var mode = new MeshPeerAuthentication(NullLogger<MeshPeerAuthentication>.Instance);

        mode.Update(EffectivePeerAuthentication.Default);

        Assert.True(mode.HasRead);
    }

    [Fact]
    public void Update_NewMode_AppliesToNextLookup()
    {
        var mode = new MeshPeerAuthentication(NullLogger<MeshPeerAuthentication>.Instance);

        mode.Update(new EffectivePeerAuthentication { Mode = MutualTlsMode.Disable });

        Assert.Equal(MutualTlsMode.Disable, mode.ModeFor(9001));
    }
}
