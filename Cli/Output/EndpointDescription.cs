namespace OrleansMesh.Cli.Output;

/// <summary>An endpoint of <see cref="ServiceDescription"/>: <c>address:port</c> and its labels.</summary>
internal sealed record EndpointDescription(string Address, IReadOnlyDictionary<string, string> Labels);
