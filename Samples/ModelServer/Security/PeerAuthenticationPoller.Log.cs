namespace OrleansMesh.Samples.ModelServer.Security;

internal sealed partial class PeerAuthenticationPoller
{
    [LoggerMessage(1, LogLevel.Warning, "Could not read the mesh's PeerAuthentication; keeping {Mode} for new connections until it answers")]
    private static partial void LogReadFailed(ILogger logger, string mode, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Reading the mesh's PeerAuthentication again (config generation {Generation})")]
    private static partial void LogReadRecovered(ILogger logger, long generation);
}
