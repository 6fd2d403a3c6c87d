namespace OrleansMesh.Gateway.RateLimiting;

internal sealed partial class RateLimitLeaser
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Entering degraded mode for rate limits: token buckets are unreachable ({Error}: {Reason}). Each gateway now limits on its own with the same parameters")]
    private partial void LogDegraded(string error, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leaving degraded mode for rate limits: token buckets are shared across gateways again")]
    private partial void LogRecovered();
}
