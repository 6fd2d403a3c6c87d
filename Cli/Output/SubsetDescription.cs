namespace OrleansMesh.Cli.Output;

/// <summary>A subset of <see cref="ServiceDescription"/>: its labels, the endpoints they select and its breaker.</summary>
internal sealed record SubsetDescription(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> Endpoints, BreakerView Breaker);
