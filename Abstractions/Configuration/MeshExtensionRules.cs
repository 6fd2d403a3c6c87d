using OrleansMesh.Resilience;

namespace OrleansMesh.Configuration;

/// <summary>Rules of the <c>x-orleansmesh</c> blocks (see <see cref="MeshExtensionSchema"/>).</summary>
internal static class MeshExtensionRules
{
    /// <summary>More buckets than this per window cost memory in every breaker for no visible gain.</summary>
    public const int MaxBucketsPerWindow = 600;

    public static void TrafficPolicy(ValidationSink sink, string path, MeshTrafficPolicy? policy)
    {
        if (policy is null)
        {
            return;
        }

        path += "." + MeshExtensionSchema.FieldName;
        CircuitBreaker(sink, path + ".circuitBreaker", policy.CircuitBreaker);
        RateLimit(sink, path + ".rateLimit", policy.RateLimit);
        RateLimit(sink, path + ".localRateLimit", policy.LocalRateLimit);
    }

    public static void Route(ValidationSink sink, string path, MeshRoutePolicy? policy)
    {
        if (policy is null)
        {
            return;
        }

        path += "." + MeshExtensionSchema.FieldName;
        RateLimit(sink, path + ".rateLimit", policy.RateLimit);
        RateLimit(sink, path + ".localRateLimit", policy.LocalRateLimit);
        TokenRateLimit(sink, path + ".tokenRateLimit", policy.TokenRateLimit);
        FallbackRules.Check(sink, path + ".fallback", policy.Fallback);
    }

    private static void CircuitBreaker(ValidationSink sink, string path, CircuitBreakerSettings? breaker)
    {
        if (breaker is null)
        {
            return;
        }

        if (breaker.FailurePercentage is <= 0 or > 100 or double.NaN)
        {
            sink.Error(path + ".failurePercentage", $"failurePercentage must be greater than 0 and at most 100, got {breaker.FailurePercentage}");
        }

        CommonRules.Positive(sink, path + ".window", breaker.Window);
        CommonRules.Positive(sink, path + ".bucket", breaker.Bucket);
        CommonRules.Positive(sink, path + ".breakDuration", breaker.BreakDuration);
        if (breaker.Window > TimeSpan.Zero && breaker.Bucket > TimeSpan.Zero)
        {
            Buckets(sink, path + ".bucket", breaker.Window, breaker.Bucket);
        }

        AtLeastOne(sink, path + ".minimumRequests", breaker.MinimumRequests);
        AtLeastOne(sink, path + ".halfOpenProbes", breaker.HalfOpenProbes);
        if (breaker.FailOn == FailureConditions.None)
        {
            sink.Error(path + ".failOn", "failOn must name at least one of 5xx, gateway-error, connect-failure, reset, timeout");
        }
    }

    private static void Buckets(ValidationSink sink, string path, TimeSpan window, TimeSpan bucket)
    {
        if (bucket > window)
        {
            sink.Error(path, $"bucket ({IstioDuration.Format(bucket)}) must not be longer than window ({IstioDuration.Format(window)})");
        }
        else if (window / bucket > MaxBucketsPerWindow)
        {
            sink.Error(path, $"window / bucket must be at most {MaxBucketsPerWindow} buckets, got {Math.Ceiling(window / bucket)}");
        }
    }

    private static void RateLimit(ValidationSink sink, string path, RateLimitSettings? limit)
    {
        if (limit is null)
        {
            return;
        }

        AtLeastOne(sink, path + ".requestsPerUnit", limit.RequestsPerUnit);
        if (limit.Burst is { } burst)
        {
            AtLeastOne(sink, path + ".burst", burst);
        }

        Key(sink, path + ".key", limit.Key);
    }

    private static void TokenRateLimit(ValidationSink sink, string path, TokenRateLimitSettings? limit)
    {
        if (limit is null)
        {
            return;
        }

        AtLeastOne(sink, path + ".tokensPerUnit", limit.TokensPerUnit);
        if (limit.Burst is { } burst)
        {
            AtLeastOne(sink, path + ".burst", burst);
        }

        Key(sink, path + ".key", limit.Key);
        AtLeastOne(sink, path + ".estimate.defaultOutputTokens", limit.Estimate.DefaultOutputTokens);
    }

    private static void Key(ValidationSink sink, string path, RateLimitKey? key)
    {
        if (key is not null)
        {
            var header = !string.IsNullOrEmpty(key.Header);
            var claim = !string.IsNullOrEmpty(key.Claim);
            if (header == claim)
            {
                sink.Error(path, "key needs exactly one of header or claim");
            }
            else if (header && !IsHeaderName(key.Header!))
            {
                sink.Error(path + ".header", $"invalid header name '{key.Header}': use lowercase letters, digits and '-'");
            }
        }
    }

    private static void AtLeastOne(ValidationSink sink, string path, int value)
    {
        if (value < 1)
        {
            sink.Error(path, $"must be at least 1, got {value}");
        }
    }

    // Istio requires lowercase header names in match conditions; a key header is looked up the same way.
    private static bool IsHeaderName(string name) => name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.');
}
