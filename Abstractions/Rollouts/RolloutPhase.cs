namespace OrleansMesh.Rollouts;

/// <summary>Where a Rollout is, as Flagger's Canary phases.</summary>
public enum RolloutPhase
{
    /// <summary>Analysis (re)starting: all traffic on the stable subset.</summary>
    Initializing,

    /// <summary>Stepping the canary's weight up after each passed check (or, for an A/B test, holding the split and reporting).</summary>
    Progressing,

    /// <summary>All traffic on the canary; one more passed check and the release has succeeded.</summary>
    Promoting,

    /// <summary>Released: all traffic on the canary.</summary>
    Succeeded,

    /// <summary>Rolled back: all traffic on the stable subset.</summary>
    Failed,
}
