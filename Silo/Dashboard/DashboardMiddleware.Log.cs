using OrleansMesh.Resilience;

namespace OrleansMesh.Silo.Dashboard;

internal sealed partial class DashboardMiddleware
{
    // Never the token itself: only that a sign-in happened or was refused, and from where.
    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: admin session started from {Remote}")]
    private partial void LogSignedIn(string? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: a sign-in from {Remote} presented a wrong admin token")]
    private partial void LogSignInRefused(string? remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: breaker {Destination} held {Hold}")]
    private partial void LogBreakerHeld(string destination, BreakerOverride hold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: rollout {Namespace}/{Name}: {Action}")]
    private partial void LogRolloutAction(string @namespace, string name, string action);
}
