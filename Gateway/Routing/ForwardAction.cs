using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Routing;

/// <summary>Forward to one of weighted destinations.</summary>
internal sealed class ForwardAction : RouteAction
{
    private readonly int[] _cumulative;

    public ForwardAction(WeightedDestination[] destinations, HttpRoute definition)
    {
        Destinations = destinations;
        Definition = definition;
        _cumulative = WeightedPicker.Cumulative(destinations.Select(d => d.Weight));
        TotalWeight = _cumulative.Length == 0 ? 0 : _cumulative[^1];
    }

    public WeightedDestination[] Destinations { get; }

    /// <summary>The route as written, for the policies enforced around forwarding (retries, fault and mirror come with later work).</summary>
    public HttpRoute Definition { get; }

    /// <summary>The total time allowed for the request, if any.</summary>
    public TimeSpan? Timeout => Definition.Timeout;

    public int TotalWeight { get; }

    /// <summary>Picks a destination from a roll in [0, <see cref="TotalWeight"/>).</summary>
    public WeightedDestination Pick(int roll) => Destinations[WeightedPicker.Pick(_cumulative, roll)];
}
