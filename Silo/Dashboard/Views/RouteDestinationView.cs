namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>A weighted destination of a route.</summary>
internal sealed record RouteDestinationView(string Host, string? Subset, int Weight);
