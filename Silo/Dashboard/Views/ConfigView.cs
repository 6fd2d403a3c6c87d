namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>The applied config as YAML, with the generations this silo has seen (newest first).</summary>
internal sealed record ConfigView(long Generation, int Resources, string Yaml, IReadOnlyList<HistoryEntry> History);
