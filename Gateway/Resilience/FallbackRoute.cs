using OrleansMesh.Gateway.Routing;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>A route's compiled <c>x-orleansmesh.fallback</c>: the destinations tried in order, and on which failures.</summary>
internal sealed class FallbackRoute(WeightedDestination[] destinations, FallbackConditions conditions)
{
    /// <summary>Response header naming the fallback destination (<c>host</c> or <c>host/subset</c>) that answered.</summary>
    public const string Header = "x-mesh-fallback";

    public WeightedDestination[] Destinations { get; } = destinations;

    public FallbackConditions Conditions { get; } = conditions;

    /// <summary>Whether an upstream answer with <paramref name="statusCode"/> falls back.</summary>
    public bool FallsBackOn(int statusCode) => statusCode switch
    {
        >= 500 and <= 599 when (Conditions & FallbackConditions.ServerError) != 0 => true,
        502 or 503 or 504 => (Conditions & FallbackConditions.GatewayError) != 0,
        _ => false,
    };

    /// <summary>Whether a response the mesh makes itself (its error <paramref name="code"/>) falls back.</summary>
    public bool FallsBackOn(string code, UpstreamOutcome outcome) => (Conditions & ConditionOf(code, outcome)) != 0;

    // The codes ResilientForwarder answers with once a destination was chosen; rate limits are the client's, never a fallback.
    private static FallbackConditions ConditionOf(string code, UpstreamOutcome outcome) => code switch
    {
        "circuit_open" or "upstream_overflow" => FallbackConditions.CircuitOpen,
        "no_healthy_upstream" => FallbackConditions.ConnectFailure,
        "upstream_timeout" => FallbackConditions.Timeout,
        "upstream_connect_failure" => outcome == UpstreamOutcome.ConnectFailure ? FallbackConditions.ConnectFailure : FallbackConditions.Reset,
        "upstream_error" => FallbackConditions.Reset,
        _ => FallbackConditions.None,
    };
}
