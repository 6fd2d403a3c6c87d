namespace OrleansMesh.Resilience;

/// <summary>
/// What an unset field of Istio's <c>outlierDetection</c> means (istio/api networking/v1alpha3/destination_rule.proto,
/// and Envoy's defaults where Istio passes nothing: config/cluster/v3/outlier_detection.proto).
/// </summary>
public static class OutlierDetectionDefaults
{
    /// <summary>Istio: "This feature defaults to 5 but can be disabled by setting the value to 0."</summary>
    public const int Consecutive5xxErrors = 5;

    /// <summary>Istio: "This feature is disabled by default or when set to the value 0."</summary>
    public const int ConsecutiveGatewayErrors = 0;

    /// <summary>Istio and Envoy: maximum share of endpoints ejected at once, 10 %. Istio passes 0 as unset, so 0 means 10 too.</summary>
    public const int MaxEjectionPercent = 10;

    /// <summary>Istio: 0 %, "not typically applicable in k8s environments with few pods per service"; 0 never panics.</summary>
    public const int MinHealthPercent = 0;

    /// <summary>Istio and Envoy: the sweep interval, 10 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Istio and Envoy: 30 s, multiplied by the ejection multiplier.</summary>
    public static readonly TimeSpan BaseEjectionTime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Envoy's <c>max_ejection_time</c>, which Istio does not expose: 300 s, or the base ejection time when that is longer.
    /// An ejection never lasts longer.
    /// </summary>
    public static readonly TimeSpan MaxEjectionTime = TimeSpan.FromSeconds(300);
}
