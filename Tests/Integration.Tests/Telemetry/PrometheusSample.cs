namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>One line of a Prometheus scrape.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
