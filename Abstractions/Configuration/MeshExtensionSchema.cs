using System.Collections.Immutable;
using OrleansMesh.Resilience;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>
/// The <c>x-orleansmesh</c> blocks: OrleansMesh's documented additions to Istio's API, placed where they apply
/// (a DestinationRule's <c>trafficPolicy</c>, a VirtualService's HTTP route). Everything outside them keeps Istio's meaning.
/// </summary>
internal static class MeshExtensionSchema
{
    /// <summary>The field name of every extension block.</summary>
    public const string FieldName = "x-orleansmesh";

    private static readonly (string Name, FailureConditions Value)[] s_conditions =
    [
        ("5xx", FailureConditions.ServerError),
        ("gateway-error", FailureConditions.GatewayError),
        ("connect-failure", FailureConditions.ConnectFailure),
        ("reset", FailureConditions.Reset),
        ("timeout", FailureConditions.Timeout),
    ];

    public static readonly ListCodec<FailureConditions> FailOn = new(new EnumCodec<FailureConditions>(s_conditions));

    public static readonly EnumCodec<RateLimitUnit> Unit = new(
        ("SECOND", RateLimitUnit.Second),
        ("MINUTE", RateLimitUnit.Minute),
        ("HOUR", RateLimitUnit.Hour),
        ("DAY", RateLimitUnit.Day));

    public static readonly ObjectCodec<CircuitBreakerSettings> CircuitBreaker = new ObjectCodec<CircuitBreakerSettings>("CircuitBreaker")
        .Field("failurePercentage", DoubleCodec.Instance, b => b.FailurePercentage, (b, v) => b with { FailurePercentage = v })
        .Field("window", Duration, b => b.Window, (b, v) => b with { Window = v })
        .Field("bucket", Duration, b => b.Bucket, (b, v) => b with { Bucket = v })
        .Field("minimumRequests", Int, b => b.MinimumRequests, (b, v) => b with { MinimumRequests = v })
        .Field("breakDuration", Duration, b => b.BreakDuration, (b, v) => b with { BreakDuration = v })
        .Field("halfOpenProbes", Int, b => b.HalfOpenProbes, (b, v) => b with { HalfOpenProbes = v })
        .Field("failOn", FailOn, b => Split(b.FailOn), (b, v) => b with { FailOn = Combine(v) });

    public static readonly ObjectCodec<RateLimitKey> Key = new ObjectCodec<RateLimitKey>("RateLimitKey")
        .Field("header", Str, k => k.Header, (k, v) => k with { Header = v })
        .Field("claim", Str, k => k.Claim, (k, v) => k with { Claim = v });

    public static readonly ObjectCodec<RateLimitSettings> RateLimit = new ObjectCodec<RateLimitSettings>("RateLimit")
        .Field("requestsPerUnit", Int, r => r.RequestsPerUnit, (r, v) => r with { RequestsPerUnit = v }, always: true)
        .Field("unit", Unit, r => r.Unit, (r, v) => r with { Unit = v })
        .Optional("burst", Int, r => r.Burst, (r, v) => r with { Burst = v })
        .Field("key", Key, r => r.Key, (r, v) => r with { Key = v });

    public static readonly ObjectCodec<TokenEstimateSettings> TokenEstimate = new ObjectCodec<TokenEstimateSettings>("TokenEstimate")
        .Field("defaultOutputTokens", Int, e => e.DefaultOutputTokens, (e, v) => e with { DefaultOutputTokens = v });

    public static readonly ObjectCodec<TokenRateLimitSettings> TokenRateLimit = new ObjectCodec<TokenRateLimitSettings>("TokenRateLimit")
        .Field("tokensPerUnit", Int, r => r.TokensPerUnit, (r, v) => r with { TokensPerUnit = v }, always: true)
        .Field("unit", Unit, r => r.Unit, (r, v) => r with { Unit = v })
        .Optional("burst", Int, r => r.Burst, (r, v) => r with { Burst = v })
        .Field("key", Key, r => r.Key, (r, v) => r with { Key = v })
        .Field("estimate", TokenEstimate, r => r.Estimate, (r, v) => r with { Estimate = v });

    public static readonly ObjectCodec<MeshTrafficPolicy> TrafficPolicy = new ObjectCodec<MeshTrafficPolicy>("OrleansMeshTrafficPolicy")
        .Field("circuitBreaker", CircuitBreaker, p => p.CircuitBreaker, (p, v) => p with { CircuitBreaker = v })
        .Field("rateLimit", RateLimit, p => p.RateLimit, (p, v) => p with { RateLimit = v })
        .Field("localRateLimit", RateLimit, p => p.LocalRateLimit, (p, v) => p with { LocalRateLimit = v });

    public static readonly ObjectCodec<MeshRoutePolicy> Route = new ObjectCodec<MeshRoutePolicy>("OrleansMeshRoute")
        .Field("rateLimit", RateLimit, p => p.RateLimit, (p, v) => p with { RateLimit = v })
        .Field("localRateLimit", RateLimit, p => p.LocalRateLimit, (p, v) => p with { LocalRateLimit = v })
        .Field("tokenRateLimit", TokenRateLimit, p => p.TokenRateLimit, (p, v) => p with { TokenRateLimit = v })
        .Field("fallback", FallbackSchema.Fallback, p => p.Fallback, (p, v) => p with { Fallback = v });

    private static ImmutableArray<FailureConditions> Split(FailureConditions conditions) =>
        conditions == FailureConditions.Default
            ? []
            : [.. s_conditions.Where(c => conditions.HasFlag(c.Value)).Select(c => c.Value)];

    private static FailureConditions Combine(ImmutableArray<FailureConditions> conditions) =>
        conditions.Aggregate(FailureConditions.None, (all, c) => all | c);
}
