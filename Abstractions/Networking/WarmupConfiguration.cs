namespace OrleansMesh.Networking;

/// <summary>
/// Istio <c>WarmupConfiguration</c> (Envoy's slow start): a new endpoint's share of requests ramps from
/// <see cref="MinimumPercent"/> to full over <see cref="Duration"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.WarmupConfiguration")]
public sealed record WarmupConfiguration
{
    /// <summary>How long the ramp lasts. Required.</summary>
    [Id(0)] public TimeSpan? Duration { get; init; }

    /// <summary>The share a new endpoint starts with, in percent of a warm endpoint's. Default (unset): 10, as Envoy.</summary>
    [Id(1)] public double? MinimumPercent { get; init; }

    /// <summary>
    /// The ramp's curve: the share grows as (elapsed / duration)^(1 / aggression). Default (unset): 1.0, linear;
    /// above 1 the share rises fast early, below 1 slowly.
    /// </summary>
    [Id(2)] public double? Aggression { get; init; }
}
