namespace OrleansMesh.Resilience;

/// <summary>
/// A token bucket: <see cref="RequestsPerUnit"/> tokens are added every <see cref="Unit"/>, up to <see cref="Burst"/>;
/// each request takes one. Used by <c>x-orleansmesh.rateLimit</c> (cluster-wide, owned by a grain) and
/// <c>x-orleansmesh.localRateLimit</c> (each gateway on its own).
/// </summary>
[GenerateSerializer, Immutable, Alias("om.RateLimitSettings")]
public sealed record RateLimitSettings
{
    /// <summary>Tokens added per <see cref="Unit"/>. Required, at least 1.</summary>
    [Id(0)] public int RequestsPerUnit { get; init; }

    /// <summary>The refill period. Default: a second.</summary>
    [Id(1)] public RateLimitUnit Unit { get; init; } = RateLimitUnit.Second;

    /// <summary>Bucket capacity: how many requests may pass at once after a quiet period. Default: <see cref="RequestsPerUnit"/>.</summary>
    [Id(2)] public int? Burst { get; init; }

    /// <summary>Per-client buckets keyed by a header or claim. Default: one bucket for everyone.</summary>
    [Id(3)] public RateLimitKey? Key { get; init; }

    /// <summary>The bucket capacity in effect.</summary>
    public int Capacity => Burst ?? RequestsPerUnit;

    /// <summary>The refill period as a time span.</summary>
    public TimeSpan Period => Unit switch
    {
        RateLimitUnit.Minute => TimeSpan.FromMinutes(1),
        RateLimitUnit.Hour => TimeSpan.FromHours(1),
        RateLimitUnit.Day => TimeSpan.FromDays(1),
        _ => TimeSpan.FromSeconds(1),
    };
}
