using System.Diagnostics.Metrics;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Gauges read from the gateway's state at each collection (nothing on the request path): the config generation
/// served, and per destination the breaker state and the endpoints outlier detection has ejected.
/// </summary>
internal sealed class MeshStateMetrics
{
    private readonly RoutingSnapshotStore _store;
    private readonly HealthRegistry? _health;

    public MeshStateMetrics(IMeterFactory meters, RoutingSnapshotStore store, HealthRegistry? health = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _health = health;
        var meter = meters.Create(MeshMetricNames.MeterName);
        meter.CreateObservableGauge(MeshMetricNames.ConfigGeneration, Generation, description: "The config generation this gateway serves (0 before its first snapshot).");
        meter.CreateObservableGauge(MeshMetricNames.BreakerState, BreakerStates, description: "Breaker state per destination: 0 closed, 1 open, 2 half-open.");
        meter.CreateObservableGauge(MeshMetricNames.EjectedEndpoints, EjectedEndpoints, description: "Endpoints of a destination outlier detection has taken out.");
    }

    private long Generation() => _store.IsLoaded ? _store.Current.Generation : 0;

    private IEnumerable<Measurement<int>> BreakerStates() =>
        _health is null ? [] : _health.States.Select(s => new Measurement<int>(Value(s.View.State), Destination(s.Key)));

    private IEnumerable<Measurement<int>> EjectedEndpoints() =>
        _health is null ? [] : _health.States.Select(s => new Measurement<int>(s.Ejections().Count(), Destination(s.Key)));

    private static KeyValuePair<string, object?> Destination(string key) => new(MeshMetricNames.Destination, key);

    private static int Value(BreakerState state) => state switch
    {
        BreakerState.Open => 1,
        BreakerState.HalfOpen => 2,
        _ => 0,
    };
}
