namespace OrleansMesh.Silo.Membership;

internal sealed partial class RefusedPeerDetector
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Peer} refused {Refusals} connections in a row: its process is gone; declaring it dead")]
    private partial void LogDeclaringDead(SiloAddress peer, int refusals);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Peer} declared dead in the membership table (seen by this silo: {Seen})")]
    private partial void LogDeclaredDead(SiloAddress peer, bool seen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not declare silo {Peer} dead; retrying on the next probe")]
    private partial void LogDeclareDeadFailed(Exception exception, SiloAddress peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Probing peers without a connection failed")]
    private partial void LogProbeRoundFailed(Exception exception);
}
