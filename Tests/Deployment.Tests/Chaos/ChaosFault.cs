namespace OrleansMesh.Deployment.Tests.Chaos;

/// <summary>One fault of the schedule: what, on which part, and when it was active (since the run's start).</summary>
internal sealed record ChaosFault(ChaosFaultKind Kind, int Target, TimeSpan Start)
{
    public TimeSpan End { get; set; }

    public override string ToString() => $"{Kind} {Target} {Start.TotalSeconds:F1}-{End.TotalSeconds:F1} s";
}
