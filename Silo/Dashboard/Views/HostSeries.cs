namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>One host's subsets over the chart's steps.</summary>
internal sealed record HostSeries(string Host, IReadOnlyList<SubsetSeries> Subsets);
