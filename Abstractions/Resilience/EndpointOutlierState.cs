namespace OrleansMesh.Resilience;

/// <summary>One endpoint's outlier bookkeeping, as Envoy's per-host monitor keeps it.</summary>
internal sealed class EndpointOutlierState
{
    /// <summary>5xx (and local-origin failures) in a row, summed over every gateway's batches.</summary>
    public int Consecutive5xx { get; set; }

    /// <summary>502/503/504 (and local-origin failures) in a row.</summary>
    public int ConsecutiveGateway { get; set; }

    /// <summary>Envoy's ejection time multiplier (<c>ejectTimeBackoff</c>): up on every ejection, down every healthy interval.</summary>
    public int Multiplier { get; set; }

    /// <summary>When the current ejection ends, or <see langword="null"/> when the endpoint is in service.</summary>
    public DateTimeOffset? EjectedUntil { get; set; }

    /// <summary>The start of the healthy interval the multiplier is next decremented at the end of.</summary>
    public DateTimeOffset HealthySince { get; set; }

    public bool IsEjected => EjectedUntil is not null;

    /// <summary>Nothing worth remembering: an endpoint in this state is forgotten.</summary>
    public bool IsBlank => !IsEjected && Multiplier == 0 && Consecutive5xx == 0 && ConsecutiveGateway == 0;
}
