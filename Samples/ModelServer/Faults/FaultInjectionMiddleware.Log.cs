namespace OrleansMesh.Samples.ModelServer.Faults;

internal sealed partial class FaultInjectionMiddleware
{
    [LoggerMessage(1, LogLevel.Debug, "Injected a 500 for {Method} {Path}")]
    private partial void LogInjectedFailure(string method, PathString path);
}
