namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPFaultInjection.Delay</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.FaultDelay")]
public sealed record FaultDelay
{
    /// <summary>The delay.</summary>
    [Id(0)] public TimeSpan FixedDelay { get; init; }

    /// <summary>Share of requests delayed. Default: 100 %.</summary>
    [Id(1)] public Percent? Percentage { get; init; }
}
