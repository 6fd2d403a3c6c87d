using OrleansMesh.Rollouts;

namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>
/// A Rollout as its driver reports it: phase, canary weight, check counters and the recent checks (each metric's
/// figure beside its threshold range) and events, from which the page draws the weight over time.
/// </summary>
internal sealed record RolloutView(
    string Namespace,
    string Name,
    string Host,
    string Stable,
    string Canary,
    string Phase,
    int? CanaryWeight,
    bool Paused,
    int PassedChecks,
    int FailedChecks,
    int Threshold,
    int MaxWeight,
    DateTimeOffset? NextCheckAt,
    IReadOnlyList<RolloutMetric> Metrics,
    IReadOnlyList<RolloutCheck> Checks,
    IReadOnlyList<RolloutEvent> Events)
{
    /// <summary>The view of a Rollout the driver has not reported on yet (just applied).</summary>
    public static RolloutView Pending(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var spec = rollout.Spec;
        return new RolloutView(rollout.Metadata.Namespace, rollout.Metadata.Name, spec.Host, spec.Stable, spec.Canary, "Pending", null, false, 0, 0,
            spec.Analysis.Threshold, spec.Analysis.MaxWeight, null, spec.Analysis.Metrics, [], []);
    }

    public static RolloutView Of(Rollout rollout, RolloutStatus status)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(status);
        var spec = status.Spec ?? rollout.Spec;
        return new RolloutView(rollout.Metadata.Namespace, rollout.Metadata.Name, spec.Host, spec.Stable, spec.Canary, status.Phase.ToString(), status.CanaryWeight,
            status.Paused, status.PassedChecks, status.FailedChecks, spec.Analysis.Threshold, spec.Analysis.MaxWeight, status.NextCheckAt, spec.Analysis.Metrics,
            status.Checks, status.Events);
    }
}
