namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>A silo of the cluster, as membership knows it.</summary>
internal sealed record SiloView(string Address, string Name, string Status, DateTimeOffset Started);
