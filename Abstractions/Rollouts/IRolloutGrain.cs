namespace OrleansMesh.Rollouts;

/// <summary>
/// The driver of one Rollout for the whole cluster (key <c>namespace/name</c>, see <see cref="KeyOf"/>): checks the
/// canary every interval from the live telemetry, sets the live weights through the config store, promotes or rolls
/// back. Its state is persisted, so it resumes where it was after losing its silo or the whole cluster. Each silo's
/// keeper hands it the Rollout's spec every few seconds, which also brings it back after a loss.
/// </summary>
[Alias("om.IRolloutGrain")]
public interface IRolloutGrain : IGrainWithStringKey
{
    /// <summary>The grain key of the Rollout <paramref name="name"/> in <paramref name="namespace"/>.</summary>
    public static string KeyOf(string @namespace, string name) => $"{@namespace}/{name}";

    /// <summary>The phase, weight, counters and recent history; null for a Rollout the driver never saw.</summary>
    [Alias("GetStatus")]
    Task<RolloutStatus?> GetStatusAsync();

    /// <summary>
    /// The Rollout as stored now (from the keeper, or the config store after an apply). A new canary or stable subset
    /// restarts the analysis; other changes apply from the next check.
    /// </summary>
    [Alias("Refresh"), Orleans.Concurrency.OneWay]
    Task RefreshAsync(Rollout rollout);

    /// <summary>The Rollout was deleted: stop, and leave the weights where they are.</summary>
    [Alias("Deleted"), Orleans.Concurrency.OneWay]
    Task DeletedAsync();

    /// <summary>Promotes now: all traffic to the canary, phase <see cref="RolloutPhase.Succeeded"/>. Needs the admin token.</summary>
    [Alias("Promote")]
    Task<RolloutStatus> PromoteAsync();

    /// <summary>Rolls back now: all traffic to the stable subset, phase <see cref="RolloutPhase.Failed"/>. Needs the admin token.</summary>
    [Alias("Abort")]
    Task<RolloutStatus> AbortAsync();

    /// <summary>Holds the weights and stops checking until <see cref="ResumeAsync"/>. Needs the admin token.</summary>
    [Alias("Pause")]
    Task<RolloutStatus> PauseAsync();

    /// <summary>Resumes checking, the next check one interval from now. Needs the admin token.</summary>
    [Alias("Resume")]
    Task<RolloutStatus> ResumeAsync();
}
