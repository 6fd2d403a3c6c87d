namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>A config generation: when this silo first saw it and what changed from the one before ("+ kind/ns/name", "~ …", "- …").</summary>
internal sealed record HistoryEntry(long Generation, DateTimeOffset SeenAt, IReadOnlyList<string> Changes);
