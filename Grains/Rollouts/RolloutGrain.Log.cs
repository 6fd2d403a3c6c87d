using Microsoft.Extensions.Logging;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Grains.Rollouts;

internal sealed partial class RolloutGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {Rollout}: {Phase}, canary weight {Weight}: {Message}")]
    private static partial void LogTransition(ILogger logger, string rollout, RolloutPhase phase, int? weight, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rollout {Rollout}: check {Verdict} ({Requests} canary requests, success rate {SuccessRate}, p99 {LatencyP99} ms)")]
    private static partial void LogCheck(ILogger logger, string rollout, RolloutCheckVerdict verdict, long requests, double? successRate, double? latencyP99);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {Rollout}: the config store did not take the live weight; retrying every second")]
    private static partial void LogWeightFailed(ILogger logger, Exception error, string rollout);
}
