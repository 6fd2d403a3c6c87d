namespace OrleansMesh.Resilience;

/// <summary>
/// A cluster-wide token bucket counted in model tokens rather than requests (<c>x-orleansmesh.tokenRateLimit</c> of a
/// route): <see cref="TokensPerUnit"/> tokens are added every <see cref="Unit"/>, up to <see cref="Burst"/>. A request is
/// charged its estimate before it is forwarded and settled with the usage the model server reported once it finished.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.TokenRateLimitSettings")]
public sealed record TokenRateLimitSettings
{
    /// <summary>Model tokens added per <see cref="Unit"/>. Required, at least 1.</summary>
    [Id(0)] public int TokensPerUnit { get; init; }

    /// <summary>The refill period. Default: a minute (token limits are quoted per minute).</summary>
    [Id(1)] public RateLimitUnit Unit { get; init; } = RateLimitUnit.Minute;

    /// <summary>Bucket capacity: how many tokens may be spent at once after a quiet period. Default: <see cref="TokensPerUnit"/>.</summary>
    [Id(2)] public int? Burst { get; init; }

    /// <summary>Per-tenant buckets keyed by a header or claim. Default: one bucket for everyone.</summary>
    [Id(3)] public RateLimitKey? Key { get; init; }

    /// <summary>How the up-front charge is estimated. Default: see <see cref="TokenEstimateSettings"/>.</summary>
    [Id(4)] public TokenEstimateSettings Estimate { get; init; } = new();

    /// <summary>The bucket capacity in effect.</summary>
    public int Capacity => Burst ?? TokensPerUnit;

    /// <summary>The same bucket as a <see cref="RateLimitSettings"/>, one token per model token, as the bucket grain keeps it.</summary>
    public RateLimitSettings ToBucket() => new() { RequestsPerUnit = TokensPerUnit, Unit = Unit, Burst = Burst, Key = Key };
}
