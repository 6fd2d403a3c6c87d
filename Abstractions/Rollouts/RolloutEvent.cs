namespace OrleansMesh.Rollouts;

/// <summary>A transition of a Rollout and why it happened, with the figures that caused it.</summary>
[GenerateSerializer, Immutable, Alias("om.RolloutEvent")]
public sealed record RolloutEvent
{
    /// <summary>When.</summary>
    [Id(0)] public DateTimeOffset At { get; init; }

    /// <summary>The phase after the event.</summary>
    [Id(1)] public RolloutPhase Phase { get; init; }

    /// <summary>The canary weight after the event; null while the split is the VirtualService's as written.</summary>
    [Id(2)] public int? CanaryWeight { get; init; }

    /// <summary>What happened and why, e.g. "check failed (2/3): request-success-rate 80.1 not in >= 99".</summary>
    [Id(3)] public string Message { get; init; } = "";
}
