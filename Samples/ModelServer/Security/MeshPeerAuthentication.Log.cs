namespace OrleansMesh.Samples.ModelServer.Security;

internal sealed partial class MeshPeerAuthentication
{
    [LoggerMessage(1, LogLevel.Information, "Mesh PeerAuthentication mode for new connections: {Mode} (was {Previous})")]
    private static partial void LogModeChanged(ILogger logger, string previous, string mode);
}
