namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>One subset's figures per step (null where it had no traffic).</summary>
internal sealed record SubsetSeries(string Subset, IReadOnlyList<double> Rps, IReadOnlyList<double?> SuccessRate, IReadOnlyList<double?> P99, IReadOnlyList<double?> TtftP99, IReadOnlyList<double> TokensOutPerSecond);
