using Microsoft.Extensions.Logging;
using OrleansMesh.Resilience;

namespace OrleansMesh.Grains.Resilience;

internal sealed partial class DestinationHealthGrain
{
    [LoggerMessage(1, LogLevel.Information, "Breaker of {Destination} is {State}: {Reason}")]
    private static partial void LogBreakerState(ILogger logger, string destination, BreakerState state, string? reason);

    [LoggerMessage(2, LogLevel.Information, "Outlier detection of {Destination} ejects {Count} endpoints: {Endpoints}")]
    private static partial void LogEjected(ILogger logger, string destination, int count, string endpoints);

    [LoggerMessage(3, LogLevel.Warning, "An operator set the hold of the breaker of {Destination} to {Hold}")]
    private static partial void LogOverride(ILogger logger, BreakerOverride hold, string destination);

    [LoggerMessage(4, LogLevel.Debug, "Granted {Granted} probes of {Destination} to gateway {Gateway}")]
    private static partial void LogProbesGranted(ILogger logger, int granted, string destination, string gateway);
}
