using System.Collections.Immutable;

namespace OrleansMesh.Rollouts;

/// <summary>What <c>meshctl rollout status</c> shows: a Rollout's phase, weight, counters and recent history.</summary>
[GenerateSerializer, Immutable, Alias("om.RolloutStatus")]
public sealed record RolloutStatus
{
    /// <summary>The Rollout's namespace.</summary>
    [Id(0)] public string Namespace { get; init; } = "";

    /// <summary>The Rollout's name.</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>The spec being driven (as last read from the config store); null before the driver has seen one.</summary>
    [Id(2)] public RolloutSpec? Spec { get; init; }

    /// <summary>The phase.</summary>
    [Id(3)] public RolloutPhase Phase { get; init; }

    /// <summary>The canary's weight (percent) on the driven routes; null while the VirtualService's split applies as written.</summary>
    [Id(4)] public int? CanaryWeight { get; init; }

    /// <summary>Failed checks since the analysis started.</summary>
    [Id(5)] public int FailedChecks { get; init; }

    /// <summary>Passed checks since the analysis started.</summary>
    [Id(6)] public int PassedChecks { get; init; }

    /// <summary>Whether an operator paused the analysis (weights held, no checks).</summary>
    [Id(7)] public bool Paused { get; init; }

    /// <summary>Whether the Rollout resource was deleted: the driver stopped and left the weights where they were.</summary>
    [Id(8)] public bool Deleted { get; init; }

    /// <summary>The most recent checks, oldest first (at most <see cref="HistoryLength"/>).</summary>
    [Id(9)] public ImmutableArray<RolloutCheck> Checks { get; init; } = [];

    /// <summary>The most recent transitions, oldest first (at most <see cref="HistoryLength"/>).</summary>
    [Id(10)] public ImmutableArray<RolloutEvent> Events { get; init; } = [];

    /// <summary>When the next check is due, if one is.</summary>
    [Id(11)] public DateTimeOffset? NextCheckAt { get; init; }

    /// <summary>How many checks and events a status keeps.</summary>
    public const int HistoryLength = 100;

    /// <summary>The last check, if any.</summary>
    public RolloutCheck? LastCheck => Checks.IsDefaultOrEmpty ? null : Checks[^1];

    /// <summary>Whether the driver is done (until a new canary restarts it).</summary>
    public bool IsFinished => Phase is RolloutPhase.Succeeded or RolloutPhase.Failed;
}
