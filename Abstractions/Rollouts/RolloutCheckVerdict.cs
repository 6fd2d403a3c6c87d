namespace OrleansMesh.Rollouts;

/// <summary>The outcome of one analysis check.</summary>
public enum RolloutCheckVerdict
{
    /// <summary>Every metric with data was in range.</summary>
    Passed,

    /// <summary>At least one metric was out of range.</summary>
    Failed,

    /// <summary>Fewer canary requests than <see cref="RolloutAnalysis.MinRequests"/>: neither passed nor failed.</summary>
    Skipped,
}
