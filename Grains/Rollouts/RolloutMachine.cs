using System.Collections.Immutable;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Grains.Rollouts;

/// <summary>
/// The analysis as a state machine over <see cref="RolloutStatus"/>, Flagger's phases: pure, every transition a new
/// status with an event that says why. The grain persists what this returns and then applies its weight.
/// </summary>
internal static class RolloutMachine
{
    /// <summary>
    /// The status once <paramref name="rollout"/> is the stored spec: a first spec, or a new host, stable or canary
    /// subset, (re)starts the analysis (all traffic on stable); other changes apply from the next check.
    /// </summary>
    public static RolloutStatus Configure(RolloutStatus? current, Rollout rollout, DateTimeOffset now)
    {
        var spec = rollout.Spec;
        if (current?.Spec is { } known && !current.Deleted && SameRelease(known, spec))
        {
            return ContentEquality.AreEqual(known, spec) ? current : current with { Spec = spec };
        }

        var ab = IsAbTest(spec);
        var status = new RolloutStatus
        {
            Namespace = rollout.Metadata.Namespace,
            Name = rollout.Metadata.Name,
            Spec = spec,
            Phase = RolloutPhase.Initializing,
            CanaryWeight = ab ? null : 0,
            NextCheckAt = now,
            Checks = current?.Checks ?? [],
            Events = current?.Events ?? [],
        };
        var why = current?.Spec is null || current.Deleted ? "analysis started" : "analysis restarted for a new release";
        return With(status, now, $"{why}: stable {spec.Stable}, canary {spec.Canary} of {spec.Host}" + (ab ? " (A/B test: the split as written is held and reported)" : "; all traffic on stable"));
    }

    /// <summary>Whether a step is due at <paramref name="now"/>: the start, or a check.</summary>
    public static bool IsDue(RolloutStatus status, DateTimeOffset now) =>
        !status.Paused && !status.Deleted && !status.IsFinished && status.Spec is not null && status.NextCheckAt is { } due && due <= now;

    /// <summary>Leaves <see cref="RolloutPhase.Initializing"/>: the canary gets its first step (an A/B test keeps the split as written).</summary>
    public static RolloutStatus Start(RolloutStatus status, DateTimeOffset now)
    {
        var analysis = status.Spec!.Analysis;
        var weight = IsAbTest(status.Spec) ? (int?)null : analysis.StepWeight;
        var next = status with { Phase = RolloutPhase.Progressing, CanaryWeight = weight, NextCheckAt = now + analysis.Interval };
        return With(next, now, weight is { } w ? $"progressing: canary weight {w}" : "progressing: holding the split as written");
    }

    /// <summary>Takes <paramref name="check"/>'s verdict: a step up, promotion, success, a failure counted or a rollback.</summary>
    public static RolloutStatus Judge(RolloutStatus status, RolloutCheck check, DateTimeOffset now)
    {
        var spec = status.Spec!;
        var analysis = spec.Analysis;
        var next = status with { Checks = Append(status.Checks, check), NextCheckAt = now + analysis.Interval };
        switch (check.Verdict)
        {
            case RolloutCheckVerdict.Skipped:
                return next;
            case RolloutCheckVerdict.Failed:
                next = next with { FailedChecks = status.FailedChecks + 1 };
                var failures = string.Join("; ", check.Metrics.Where(m => m.Failed).Select(m => $"{m.Name} {m.Value:0.###} not in {m.Range}"));
                if (IsAbTest(spec) || next.FailedChecks < analysis.Threshold)
                {
                    return With(next, now, $"check failed ({next.FailedChecks}/{analysis.Threshold}): {failures}");
                }

                next = next with { Phase = RolloutPhase.Failed, CanaryWeight = 0, NextCheckAt = null };
                return With(next, now, $"rolled back after {next.FailedChecks} failed checks: {failures}; all traffic on {spec.Stable}");
            default:
                next = next with { PassedChecks = status.PassedChecks + 1 };
                if (IsAbTest(spec))
                {
                    return next;
                }

                if (status.Phase == RolloutPhase.Promoting)
                {
                    next = next with { Phase = RolloutPhase.Succeeded, NextCheckAt = null };
                    return With(next, now, $"succeeded: {spec.Canary} passed its check with all traffic ({Figures(check)})");
                }

                var weight = status.CanaryWeight ?? 0;
                if (weight >= analysis.MaxWeight)
                {
                    next = next with { Phase = RolloutPhase.Promoting, CanaryWeight = 100 };
                    return With(next, now, $"promoting: passed at weight {weight} ({Figures(check)}); all traffic on {spec.Canary}");
                }

                var stepped = Math.Min(weight + analysis.StepWeight, analysis.MaxWeight);
                next = next with { CanaryWeight = stepped };
                return With(next, now, $"check passed ({Figures(check)}): canary weight {weight} -> {stepped}");
        }
    }

    /// <summary>An operator's promotion: all traffic on the canary, done.</summary>
    public static RolloutStatus Promote(RolloutStatus status, DateTimeOffset now) =>
        With(status with { Phase = RolloutPhase.Succeeded, CanaryWeight = 100, NextCheckAt = null, Paused = false }, now, $"promoted by an operator: all traffic on {status.Spec?.Canary}");

    /// <summary>An operator's abort: all traffic on the stable subset.</summary>
    public static RolloutStatus Abort(RolloutStatus status, DateTimeOffset now) =>
        With(status with { Phase = RolloutPhase.Failed, CanaryWeight = 0, NextCheckAt = null, Paused = false }, now, $"aborted by an operator: all traffic on {status.Spec?.Stable}");

    /// <summary>Holds the weights; no checks until resumed.</summary>
    public static RolloutStatus Pause(RolloutStatus status, DateTimeOffset now) =>
        status.Paused || status.IsFinished ? status : With(status with { Paused = true, NextCheckAt = null }, now, "paused by an operator: weights held, no checks");

    /// <summary>Checks again, the next one an interval from now (the paused time is not judged).</summary>
    public static RolloutStatus Resume(RolloutStatus status, DateTimeOffset now) =>
        !status.Paused ? status : With(status with { Paused = false, NextCheckAt = now + (status.Spec?.Analysis.Interval ?? TimeSpan.Zero) }, now, "resumed by an operator");

    /// <summary>The Rollout was deleted: the driver stops and the weights stay where they are.</summary>
    public static RolloutStatus Delete(RolloutStatus status, DateTimeOffset now) =>
        status.Deleted ? status : With(status with { Deleted = true, NextCheckAt = null }, now, WeightsLeft(status));

    /// <summary>The split the status puts on the routes.</summary>
    public static LiveWeight Weight(RolloutStatus status) => new()
    {
        Rollout = new(ResourceKind.Rollout, status.Namespace, status.Name),
        Host = status.Spec!.Host,
        Stable = status.Spec.Stable,
        Canary = status.Spec.Canary,
        CanaryWeight = status.CanaryWeight,
        Sticky = IsAbTest(status.Spec),
    };

    /// <summary>An A/B test holds the split and reports; it never steps.</summary>
    public static bool IsAbTest(RolloutSpec spec) => spec.Analysis.StepWeight == 0;

    private static string WeightsLeft(RolloutStatus status) => status.CanaryWeight is { } w
        ? $"Rollout deleted: the driver stopped; the live weights stay ({status.Spec?.Stable} {100 - w}, {status.Spec?.Canary} {w}) until a VirtualService routing to {status.Spec?.Host} is applied again"
        : "Rollout deleted: the driver stopped; the split as written applies";

    private static bool SameRelease(RolloutSpec a, RolloutSpec b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Stable == b.Stable && a.Canary == b.Canary
        && IsAbTest(a) == IsAbTest(b);

    private static string Figures(RolloutCheck check) =>
        string.Join(", ", check.Metrics.Where(m => m.Value is not null).Select(m => $"{m.Name} {m.Value:0.###}")) is { Length: > 0 } figures
            ? $"{check.Canary.Requests} canary requests, {figures}"
            : $"{check.Canary.Requests} canary requests";

    private static RolloutStatus With(RolloutStatus status, DateTimeOffset now, string message) =>
        status with { Events = Append(status.Events, new RolloutEvent { At = now, Phase = status.Phase, CanaryWeight = status.CanaryWeight, Message = message }) };

    private static ImmutableArray<T> Append<T>(ImmutableArray<T> items, T item) =>
        items.IsDefaultOrEmpty ? [item]
        : items.Length < RolloutStatus.HistoryLength ? items.Add(item)
        : items.RemoveAt(0).Add(item);
}
