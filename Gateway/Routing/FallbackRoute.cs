using OrleansMesh.Gateway.Model;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Routing;

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

    /// <summary>Whether a refusal the mesh makes itself, of kind <paramref name="kind"/>, falls back.</summary>
    public bool FallsBackOn(RejectionKind kind, UpstreamOutcome outcome) => (Conditions & ConditionOf(kind, outcome)) != 0;

    // The refusals once a destination was chosen; rate limits and policy denials are the client's, never a fallback.
    private static FallbackConditions ConditionOf(RejectionKind kind, UpstreamOutcome outcome) => kind switch
    {
        RejectionKind.CircuitOpen or RejectionKind.UpstreamOverflow => FallbackConditions.CircuitOpen,
        RejectionKind.NoHealthyUpstream => FallbackConditions.ConnectFailure,
        RejectionKind.UpstreamTimeout => FallbackConditions.Timeout,
        RejectionKind.UpstreamConnectFailure => outcome == UpstreamOutcome.ConnectFailure ? FallbackConditions.ConnectFailure : FallbackConditions.Reset,
        RejectionKind.UpstreamError => FallbackConditions.Reset,
        _ => FallbackConditions.None,
    };
}
