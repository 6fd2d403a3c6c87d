using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Mirroring;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Routing;

/// <summary>Forward to one of weighted destinations.</summary>
internal sealed class ForwardAction : RouteAction
{
    private readonly int[] _cumulative;

    public ForwardAction(WeightedDestination[] destinations, HttpRoute definition, RouteResilience? resilience = null, CompiledRateLimit[]? rateLimits = null)
    {
        Destinations = destinations;
        Definition = definition;
        Resilience = resilience ?? RouteResilience.None;
        RateLimits = rateLimits ?? [];
        _cumulative = WeightedPicker.Cumulative(destinations.Select(d => d.Weight));
        TotalWeight = _cumulative.Length == 0 ? 0 : _cumulative[^1];
    }

    public WeightedDestination[] Destinations { get; }

    /// <summary>The route as written.</summary>
    public HttpRoute Definition { get; }

    /// <summary>Retries, timeouts and fault injection around forwarding, compiled.</summary>
    public RouteResilience Resilience { get; }

    /// <summary>The route's rate limits (<c>x-orleansmesh</c> of the route).</summary>
    public CompiledRateLimit[] RateLimits { get; }

    /// <summary>The route's model-token limit (<c>x-orleansmesh.tokenRateLimit</c>), if any.</summary>
    public CompiledTokenRateLimit? TokenRateLimit { get; init; }

    /// <summary>Shadow destinations (<c>mirror</c>/<c>mirrors</c>) and the share of requests each gets.</summary>
    public MirrorTarget[] Mirrors { get; init; } = [];

    /// <summary>Where the request goes next when the chosen destination fails (<c>x-orleansmesh.fallback</c>), if anywhere.</summary>
    public FallbackRoute? Fallback { get; init; }

    /// <summary>The total time allowed for the request, if any.</summary>
    public TimeSpan? Timeout => Definition.Timeout;

    public int TotalWeight { get; }

    /// <summary>
    /// When a Rollout's A/B test drives the route: the consistent-hash key that makes the pick sticky per user (a
    /// request without the key, or with a cookie not yet set, is picked at random).
    /// </summary>
    public RequestHashPolicy? StickyHash { get; init; }

    /// <summary>Picks a destination from a roll in [0, <see cref="TotalWeight"/>).</summary>
    public WeightedDestination Pick(int roll) => Destinations[WeightedPicker.Pick(_cumulative, roll)];

    /// <summary>Picks the request's destination: by its sticky key when there is one, else at random.</summary>
    public WeightedDestination Pick(HttpContext context) =>
        Destinations.Length == 1 ? Destinations[0]
        : StickyHash?.Compute(context, generateCookie: false) is { } hash ? Pick((int)(hash % (ulong)TotalWeight))
        : Pick(Random.Shared.Next(TotalWeight));
}
