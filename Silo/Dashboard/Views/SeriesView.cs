namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>The charts: every host's subsets over the last 15 minutes, one point per step (<see cref="Until"/> in Unix seconds).</summary>
internal sealed record SeriesView(int StepSeconds, IReadOnlyList<long> Until, IReadOnlyList<HostSeries> Hosts);
