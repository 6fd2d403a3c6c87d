namespace OrleansMesh.Silo.Dashboard;

/// <summary>The body of <c>POST /dashboard/api/breaker</c>: a destination and <c>open</c>, <c>close</c> or <c>reset</c>, as <c>meshctl breaker</c> takes them.</summary>
internal sealed record BreakerRequest(string? Host, string? Subset, string? Hold);
