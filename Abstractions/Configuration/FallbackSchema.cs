using System.Collections.Immutable;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>
/// The <c>fallback</c> field of a route's <c>x-orleansmesh</c> block:
/// <c>fallback: {destinations: [{host, subset, port: {number}}], failOn: [5xx, connect-failure, ...]}</c>.
/// </summary>
internal static class FallbackSchema
{
    private static readonly (string Name, FallbackConditions Value)[] s_conditions =
    [
        ("5xx", FallbackConditions.ServerError),
        ("gateway-error", FallbackConditions.GatewayError),
        ("connect-failure", FallbackConditions.ConnectFailure),
        ("reset", FallbackConditions.Reset),
        ("timeout", FallbackConditions.Timeout),
        ("circuit-open", FallbackConditions.CircuitOpen),
    ];

    /// <summary>The condition names, as the validator lists them.</summary>
    public static string ConditionNames { get; } = string.Join(", ", s_conditions.Select(c => c.Name));

    // Istio's Destination, spelled as VirtualServiceSchema spells it. Not shared: VirtualServiceSchema reads the
    // x-orleansmesh block, so referring back to it here would make the two type initializers depend on each other.
    public static readonly ObjectCodec<Destination> Destination = new ObjectCodec<Destination>("Destination")
        .Field("host", Str, d => d.Host, (d, v) => d with { Host = v }, always: true)
        .Field("subset", Str, d => d.Subset, (d, v) => d with { Subset = v })
        .Optional("port", PortSelector, d => d.Port, (d, v) => d with { Port = v });

    public static readonly ListCodec<FallbackConditions> FailOn = new(new EnumCodec<FallbackConditions>(s_conditions));

    public static readonly ObjectCodec<FallbackSettings> Fallback = new ObjectCodec<FallbackSettings>("Fallback")
        .Field("destinations", new ListCodec<Destination>(Destination), f => f.Destinations, (f, v) => f with { Destinations = v }, always: true)
        .Field("failOn", FailOn, f => Split(f.FailOn), (f, v) => f with { FailOn = Combine(v) });

    private static ImmutableArray<FallbackConditions> Split(FallbackConditions conditions) =>
        conditions == FallbackConditions.Default
            ? []
            : [.. s_conditions.Where(c => conditions.HasFlag(c.Value)).Select(c => c.Value)];

    private static FallbackConditions Combine(ImmutableArray<FallbackConditions> conditions) =>
        conditions.Aggregate(FallbackConditions.None, (all, c) => all | c);
}
