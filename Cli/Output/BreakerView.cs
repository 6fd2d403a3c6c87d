using System.Text.Json.Serialization;
using OrleansMesh.Resilience;

namespace OrleansMesh.Cli.Output;

/// <summary>A destination's breaker as meshctl shows it (the <c>-o json</c> shape of <c>breaker</c> and <c>describe</c>).</summary>
internal sealed record BreakerView(string Destination, BreakerState State, BreakerOverride Override, string? Reason, IReadOnlyList<string> Ejected)
{
    public static BreakerView From(DestinationHealth health) =>
        new(health.Destination, health.State, health.Override, health.Reason, [.. health.Ejected.Select(e => e.Address).Order(StringComparer.Ordinal)]);

    /// <summary><c>Open (held open)</c>, <c>Closed</c>.</summary>
    [JsonIgnore]
    public string StateText => Override switch
    {
        BreakerOverride.ForcedOpen => $"{State} (held open)",
        BreakerOverride.ForcedClosed => $"{State} (held closed)",
        _ => State.ToString(),
    };
}
