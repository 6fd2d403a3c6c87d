namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>A destination's cluster-wide breaker and ejected endpoints, with the reason and the time left.</summary>
internal sealed record BreakerView(string Destination, string State, string Override, string? Reason, double OpenRemainingSeconds, IReadOnlyList<EjectedView> Ejected);
