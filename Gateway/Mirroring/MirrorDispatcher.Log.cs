namespace OrleansMesh.Gateway.Mirroring;

internal sealed partial class MirrorDispatcher
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Mirror to {Cluster} failed ({Flags}); the client's response is unaffected")]
    private partial void LogMirrorFailed(string cluster, string flags);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mirror to {Cluster} not sent: {Reason}")]
    private partial void LogMirrorDropped(string cluster, string reason);
}
