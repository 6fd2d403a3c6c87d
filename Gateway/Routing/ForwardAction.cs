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

    /// <summary>The route as written: timeout, retries, fault and mirror policies are read from it.</summary>
    public HttpRoute Definition { get; }

    public int TotalWeight { get; }

    /// <summary>Picks a destination from a roll in [0, <see cref="TotalWeight"/>).</summary>
    public WeightedDestination Pick(int roll) => Destinations[WeightedPicker.Pick(_cumulative, roll)];
}
