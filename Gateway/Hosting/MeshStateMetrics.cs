using System.Diagnostics.Metrics;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Gateway.Telemetry;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Hosting;

/// <summary>
/// Gauges read from the gateway's state at each collection (nothing on the request path): the config generation
/// served, per destination the breaker state and the endpoints outlier detection has ejected, per cluster-wide rate
/// limit the tokens this gateway holds on lease, and when its workload certificate expires.
/// </summary>
internal sealed class MeshStateMetrics
{
    private readonly GatewaySnapshotStore _store;
    private readonly HealthRegistry _health;
    private readonly RateLimitBuckets _buckets;
    private readonly GatewayIdentity _identity;

    public MeshStateMetrics(IMeterFactory meters, GatewaySnapshotStore store, HealthRegistry health, RateLimitBuckets buckets, GatewayIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(identity);
        _store = store;
        _health = health;
        _buckets = buckets;
        _identity = identity;
        var meter = meters.Create(MeshMetricNames.MeterName);
        meter.CreateObservableGauge(MeshMetricNames.ConfigGeneration, Generation, description: "The config generation this gateway serves (0 before its first snapshot).");
        meter.CreateObservableGauge(MeshMetricNames.BreakerState, BreakerStates, description: "Breaker state per destination: 0 closed, 1 open, 2 half-open.");
        meter.CreateObservableGauge(MeshMetricNames.EjectedEndpoints, EjectedEndpoints, description: "Endpoints of a destination outlier detection has taken out.");
        meter.CreateObservableGauge(MeshMetricNames.RateLimitTokens, LeasedTokens, unit: "{token}", description: "Tokens of a cluster-wide rate limit this gateway holds on lease (summed over client keys), unspent.");
        meter.CreateObservableGauge(MeshMetricNames.CertificateExpiry, CertificateExpiry, unit: "s", description: "When the gateway's workload certificate expires, in seconds since the Unix epoch (absent without a mesh identity).");
    }

    private long Generation() => _store.IsLoaded ? _store.Current.Generation : 0;

    private IEnumerable<Measurement<int>> BreakerStates() =>
        _health.States.Select(s => new Measurement<int>(Value(s.View.State), Destination(s.Key)));

    private IEnumerable<Measurement<int>> EjectedEndpoints() =>
        _health.States.Select(s => new Measurement<int>(s.Ejections().Count(), Destination(s.Key)));

    private IEnumerable<Measurement<long>> LeasedTokens() =>
        _buckets.LeasedTokensByScope().Select(s => new Measurement<long>(s.Tokens, new KeyValuePair<string, object?>(MeshMetricNames.Limit, s.Scope)));

    private IEnumerable<Measurement<long>> CertificateExpiry() =>
        _identity.Workload?.CurrentIssued is { } issued
            ? [new Measurement<long>(issued.NotAfter.ToUnixTimeSeconds(), new KeyValuePair<string, object?>(MeshMetricNames.Principal, issued.Identity.ToString()))]
            : [];

    private static KeyValuePair<string, object?> Destination(string key) => new(MeshMetricNames.Destination, key);

    private static int Value(BreakerState state) => state switch
    {
        BreakerState.Open => 1,
        BreakerState.HalfOpen => 2,
        _ => 0,
    };
}
