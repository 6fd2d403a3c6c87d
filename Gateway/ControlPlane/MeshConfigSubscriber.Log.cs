namespace OrleansMesh.Gateway.ControlPlane;

internal sealed partial class MeshConfigSubscriber
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving config generation {Generation} ({Hosts} hosts; push delay {DelayMs:F1} ms)")]
    private partial void LogServing(long generation, int hosts, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Control plane unreachable ({Reason}); still serving config generation {Generation}. Retrying in {Delay} (attempt {Attempt})")]
    private partial void LogControlPlaneUnreachable(string reason, long generation, TimeSpan delay, int attempt);

    // The stack trace helps only when debugging the gateway itself; an absent cluster is an expected condition.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Control plane call failed")]
    private partial void LogControlPlaneFailure(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Control plane reachable again after {Attempts} failed attempts; serving generation {Generation}")]
    private partial void LogReconnected(int attempts, long generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Missed a config push (have {Have}, push based on {Base} for {Generation}); pulling the full snapshot")]
    private partial void LogGap(long have, long @base, long generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Config generation {Generation} cannot be compiled; still serving generation {Serving}")]
    private partial void LogCompileFailed(Exception exception, long generation, long serving);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not unsubscribe from the control plane while stopping")]
    private partial void LogUnsubscribeFailed(Exception exception);
}
