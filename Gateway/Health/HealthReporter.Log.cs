namespace OrleansMesh.Gateway.Health;

internal sealed partial class HealthReporter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Entering degraded mode: the control plane is unreachable ({Error}: {Reason}). Enforcing the last shared breaker and ejection state of {Destinations} destinations with local breakers until it returns")]
    private partial void LogDegraded(string error, string reason, int destinations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leaving degraded mode after {Duration}: the control plane is reachable; breakers and ejections are shared across gateways again")]
    private partial void LogRecovered(TimeSpan duration);

    // The stack trace helps only when debugging the gateway itself; an absent cluster is an expected condition.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Health report failed")]
    private partial void LogControlPlaneFailure(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Control plane still unreachable")]
    private partial void LogHeartbeatFailed(Exception exception);
}
