namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>A configured rate-limit bucket: where it applies and its limit, e.g. "100 requests/second, burst 20, per header x-tenant".</summary>
internal sealed record RateLimitView(string Scope, string Kind, string Limit);
