namespace OrleansMesh.Resilience;

/// <summary>The period a rate limit's <see cref="RateLimitSettings.RequestsPerUnit"/> refers to (Envoy's rate limit service units).</summary>
public enum RateLimitUnit
{
    /// <summary>Per second.</summary>
    Second,

    /// <summary>Per minute.</summary>
    Minute,

    /// <summary>Per hour.</summary>
    Hour,

    /// <summary>Per day.</summary>
    Day,
}
