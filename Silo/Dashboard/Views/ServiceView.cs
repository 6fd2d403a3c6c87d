namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>One service host: its routes, subsets, endpoints, breakers, rate limits and traffic.</summary>
internal sealed record ServiceView(
    string Host,
    string Namespace,
    FiguresView Figures,
    BreakerView Breaker,
    IReadOnlyList<RouteView> Routes,
    IReadOnlyList<SubsetView> Subsets,
    IReadOnlyList<EndpointView> Endpoints,
    IReadOnlyList<RateLimitView> RateLimits,
    string? DestinationRule);
