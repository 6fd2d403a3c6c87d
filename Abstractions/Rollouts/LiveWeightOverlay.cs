using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Rollouts;

/// <summary>
/// How a <see cref="LiveWeight"/> changes a route: a route that sends traffic to the Rollout's stable subset is driven
/// by it. What the route as written gives the stable and canary subsets together (its share) is split between them by
/// the live weight; a canary destination is added when the route names only the stable one. Routes that name only the
/// canary (an opt-in by header, say) and destinations of other hosts are left as written.
/// </summary>
public static class LiveWeightOverlay
{
    /// <summary>The live weight that drives <paramref name="route"/>, if any.</summary>
    public static LiveWeight? Find(HttpRoute route, ImmutableArray<LiveWeight> weights)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (weights.IsDefaultOrEmpty || route.Route.IsDefaultOrEmpty)
        {
            return null;
        }

        foreach (var weight in weights)
        {
            if (route.Route.Any(d => Is(d, weight.Host, weight.Stable)))
            {
                return weight;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="route"/>'s destinations with <paramref name="weight"/> applied; unchanged when it does not drive
    /// the route or keeps the split as written.
    /// </summary>
    public static ImmutableArray<HttpRouteDestination> Apply(HttpRoute route, LiveWeight weight)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(weight);
        var destinations = route.Route;
        var first = IndexOfStable(destinations, weight);
        if (first < 0 || weight.CanaryWeight is not { } canaryPercent)
        {
            return destinations;
        }

        var single = destinations.Length == 1;
        var share = 0;
        HttpRouteDestination? canary = null;
        var others = ImmutableArray.CreateBuilder<HttpRouteDestination>(destinations.Length + 1);
        foreach (var d in destinations)
        {
            var isStable = Is(d, weight.Host, weight.Stable);
            var isCanary = Is(d, weight.Host, weight.Canary);
            if (!isStable && !isCanary)
            {
                others.Add(d);
                continue;
            }

            share += Math.Max(0, d.Weight ?? (single ? 100 : 0));
            canary ??= isCanary ? d : null;
        }

        // A route that gave the pair nothing but has nothing else either (weights unset) gives them everything.
        if (share == 0 && others.Count == 0)
        {
            share = 100;
        }

        var stable = destinations[first];
        var canaryWeight = (int)Math.Round(share * Math.Clamp(canaryPercent, 0, 100) / 100.0, MidpointRounding.AwayFromZero);
        var pair = new[]
        {
            stable with { Weight = share - canaryWeight },
            (canary ?? stable with { Destination = stable.Destination with { Subset = weight.Canary } }) with { Weight = canaryWeight },
        };
        others.InsertRange(InsertionIndex(destinations, first, weight), pair);
        return others.ToImmutable();
    }

    // Where the pair goes among the other destinations: where the stable destination was.
    private static int InsertionIndex(ImmutableArray<HttpRouteDestination> destinations, int first, LiveWeight weight) =>
        destinations.Take(first).Count(d => !Is(d, weight.Host, weight.Stable) && !Is(d, weight.Host, weight.Canary));

    private static int IndexOfStable(ImmutableArray<HttpRouteDestination> destinations, LiveWeight weight)
    {
        for (var i = 0; i < destinations.Length; i++)
        {
            if (Is(destinations[i], weight.Host, weight.Stable))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Is(HttpRouteDestination destination, string host, string subset) =>
        string.Equals(destination.Destination.Host, host, StringComparison.OrdinalIgnoreCase)
        && string.Equals(destination.Destination.Subset, subset, StringComparison.Ordinal);
}
