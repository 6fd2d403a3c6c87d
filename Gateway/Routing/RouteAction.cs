namespace OrleansMesh.Gateway.Routing;

/// <summary>What a matched route does: forward, redirect or answer directly.</summary>
internal abstract class RouteAction;
