using OrleansMesh.Security;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>
/// The mode the mesh's <c>PeerAuthentication</c> gives this server (<c>ModelServer__MeshTls</c> Mesh), swapped whole by
/// <see cref="PeerAuthenticationPoller"/>. Until the first successful read it is STRICT: failing closed, so a restart
/// while the control plane is away cannot open plain text that the mesh forbids (the mesh certificate needed for any
/// TLS comes from the same cluster, so a server that cannot reach it serves nobody either way, as an Envoy sidecar
/// serves no inbound traffic before its first config). Later failed reads keep the last mode.
/// </summary>
internal sealed partial class MeshPeerAuthentication(ILogger<MeshPeerAuthentication> logger) : IPeerModeProvider
{
    /// <summary>What the server enforces before it has read the mesh.</summary>
    public static readonly EffectivePeerAuthentication BeforeFirstRead = new() { Mode = MutualTlsMode.Strict };

    private volatile EffectivePeerAuthentication _current = BeforeFirstRead;
    private volatile bool _read;

    /// <summary>The mode in force.</summary>
    public EffectivePeerAuthentication Current => _current;

    /// <summary>Whether the mesh has been read at least once.</summary>
    public bool HasRead => _read;

    public MutualTlsMode ModeFor(int port) => _current.ModeFor(port);

    /// <summary>Swaps in the mode just read; logs when it differs from the one in force (and on the first read).</summary>
    public void Update(EffectivePeerAuthentication effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        var previous = Interlocked.Exchange(ref _current, effective);
        var first = !_read;
        _read = true;
        if (first || !previous.Equals(effective))
        {
            LogModeChanged(logger, previous.ToString(), effective.ToString());
        }
    }
}
