namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>One HTTP route of a VirtualService, in the order the gateway tries them.</summary>
/// <remarks><c>Split</c>: whether the subsets' configured weights come from this route (the first catch-all one).</remarks>
internal sealed record RouteView(string VirtualService, string Name, IReadOnlyList<string> Matches, IReadOnlyList<RouteDestinationView> Destinations, string? Mirror, string? Other, bool Split);
