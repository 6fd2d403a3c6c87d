namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPFaultInjection.Abort</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.FaultAbort")]
public sealed record FaultAbort
{
    /// <summary>The HTTP status returned.</summary>
    [Id(0)] public int HttpStatus { get; init; }

    /// <summary>Share of requests aborted. Default: 100 %.</summary>
    [Id(1)] public Percent? Percentage { get; init; }
}
