using OrleansMesh.Security;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>The mode set by <c>ModelServer__MeshTls</c> Permissive or Strict, the same for every connection.</summary>
internal sealed class FixedPeerMode : IPeerModeProvider
{
    private readonly MutualTlsMode _mode;

    public FixedPeerMode(MeshTlsMode mode) => _mode = mode switch
    {
        MeshTlsMode.Permissive => MutualTlsMode.Permissive,
        MeshTlsMode.Strict => MutualTlsMode.Strict,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Only Permissive and Strict are fixed modes."),
    };

    public MutualTlsMode ModeFor(int port) => _mode;
}
