namespace OrleansMesh.Resilience;

/// <summary>The outcomes a <see cref="SlidingWindow"/> holds at one moment.</summary>
/// <param name="Successes">Requests that did not fail.</param>
/// <param name="Failures">Requests that failed.</param>
public readonly record struct WindowTotals(long Successes, long Failures)
{
    /// <summary>All requests in the window.</summary>
    public long Total => Successes + Failures;

    /// <summary>Failures in percent of <see cref="Total"/>; 0 for an empty window.</summary>
    public double FailurePercentage => Total == 0 ? 0 : Failures * 100.0 / Total;
}
