using OrleansMesh.Rollouts;

namespace OrleansMesh.Grains.Rollouts;

/// <summary>The persisted state of a Rollout's driver.</summary>
[GenerateSerializer, Alias("om.RolloutDriverState")]
internal sealed class RolloutDriverState
{
    /// <summary>The status; null until the driver first saw the Rollout.</summary>
    [Id(0)] public RolloutStatus? Status { get; set; }

    /// <summary>
    /// Whether the status's weight may not have reached the config store yet: it is stored before it is applied, so
    /// a driver that lost its silo in between applies it again (idempotently) rather than skip or repeat a step.
    /// </summary>
    [Id(1)] public bool WeightPending { get; set; }
}
