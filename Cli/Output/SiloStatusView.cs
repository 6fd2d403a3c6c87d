namespace OrleansMesh.Cli.Output;

/// <summary>A silo in <see cref="MeshStatus"/>.</summary>
internal sealed record SiloStatusView(string Address, string Name, string Status, DateTimeOffset Started);
