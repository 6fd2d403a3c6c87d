using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>What the router found for a request: its route (and which of the route's matches), or why there is none.</summary>
/// <param name="Host">The virtual host, when the request's host has one.</param>
/// <param name="Route">The first matching route, or null.</param>
/// <param name="MatchIndex">Which of the route's matches the request met.</param>
/// <param name="Refusal">Why the request goes no further, or null.</param>
internal readonly record struct RouteDecision(VirtualHost? Host, CompiledRoute? Route, int MatchIndex, Rejection? Refusal);
