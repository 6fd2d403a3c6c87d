namespace OrleansMesh.Samples.ModelServer.Health;

internal sealed record HealthResponse(string Status, string Model, string Version);
