using Microsoft.Extensions.Logging;

namespace OrleansMesh.Grains.Config;

internal sealed partial class MeshConfigGrain
{
    [LoggerMessage(1, LogLevel.Information, "Applied {Count} changed resources at mesh generation {Generation}")]
    private static partial void LogCommitted(ILogger logger, int count, long generation);

    [LoggerMessage(2, LogLevel.Information, "Refused a config change with {Errors} errors; mesh stays at generation {Generation}")]
    private static partial void LogRefused(ILogger logger, int errors, long generation);

    [LoggerMessage(3, LogLevel.Debug, "Rewrote the route tables of {Count} hosts left in doubt at mesh generation {Generation}")]
    private static partial void LogTablesRepaired(ILogger logger, int count, long generation);

    [LoggerMessage(4, LogLevel.Warning, "Could not write the route table of host {Host} at mesh generation {Generation}; the change is stored and the table will be rewritten")]
    private static partial void LogTableWriteFailed(ILogger logger, Exception exception, string host, long generation);

    [LoggerMessage(5, LogLevel.Warning, "Could not rewrite the route tables of {Count} hosts left in doubt; retrying in {Interval}")]
    private static partial void LogRepairFailed(ILogger logger, Exception exception, int count, TimeSpan interval);

    [LoggerMessage(6, LogLevel.Information, "Rewriting the route tables of {Count} hosts written in table format {Stored}; this version writes format {Current}")]
    private static partial void LogTableUpgrade(ILogger logger, int count, int stored, int current);

    [LoggerMessage(7, LogLevel.Information, "Live weight of {Rollout} on {Host}: canary {Weight}; mesh generation {Generation}")]
    private static partial void LogLiveWeight(ILogger logger, string rollout, string host, int? weight, long generation);
}
