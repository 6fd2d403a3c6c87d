namespace OrleansMesh.Networking;

/// <summary>Istio <c>OutlierDetection</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.OutlierDetection")]
public sealed record OutlierDetection
{
    /// <summary>Count local-origin failures apart from upstream 5xx.</summary>
    [Id(0)] public bool SplitExternalLocalOriginErrors { get; init; }

    /// <summary>Consecutive local-origin failures before ejection.</summary>
    [Id(1)] public int? ConsecutiveLocalOriginFailures { get; init; }

    /// <summary>Consecutive 502/503/504 or connect failures before ejection.</summary>
    [Id(2)] public int? ConsecutiveGatewayErrors { get; init; }

    /// <summary>Consecutive 5xx before ejection. Default: 5.</summary>
    [Id(3)] public int? Consecutive5xxErrors { get; init; }

    /// <summary>Analysis interval. Default: 10 s.</summary>
    [Id(4)] public TimeSpan? Interval { get; init; }

    /// <summary>Base ejection time, multiplied by the number of ejections. Default: 30 s.</summary>
    [Id(5)] public TimeSpan? BaseEjectionTime { get; init; }

    /// <summary>Maximum share of endpoints ejected. Default: 10 %.</summary>
    [Id(6)] public int? MaxEjectionPercent { get; init; }

    /// <summary>Ejection stops below this share of healthy endpoints. Default: 0 %.</summary>
    [Id(7)] public int? MinHealthPercent { get; init; }
}
