namespace OrleansMesh.Gateway.Telemetry;

internal sealed partial class AccessLogWriter
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Access log could not be written to {Path}; no more lines are written")]
    private partial void LogWriteFailed(Exception exception, string path);
}
