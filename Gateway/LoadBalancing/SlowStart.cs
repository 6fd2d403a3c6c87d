using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// Envoy's slow start (Istio's <c>loadBalancer.warmup</c>): within <see cref="Window"/> of joining the cluster or of
/// coming back from an ejection, an endpoint's weight is scaled by
/// max(<see cref="MinimumWeight"/>, (max(seconds since, 1) / window seconds)^(1 / <see cref="Aggression"/>)).
/// Applied by rejection: the policy's pick of a warming endpoint stands with probability equal to its weight, else
/// the policy picks again, so a warming endpoint gets weight / (Σ weights) of the requests as with Envoy's weighted
/// schedulers, without a lock or an allocation per request.
/// </summary>
internal sealed class SlowStart(TimeSpan window, double minimumWeight, double aggression, TimeProvider time, Random random)
{
    /// <summary>Envoy's default <c>min_weight_percent</c>, which Istio keeps.</summary>
    public const double DefaultMinimumPercent = 10;

    /// <summary>How many times a cluster asks its policy before taking a warming endpoint anyway.</summary>
    public const int MaxPicks = 8;

    public TimeSpan Window { get; } = window;

    /// <summary>The least weight of a warming endpoint, 0 to 1 (Istio's <c>minimumPercent</c> / 100).</summary>
    public double MinimumWeight { get; } = minimumWeight;

    public double Aggression { get; } = aggression;

    /// <summary>The current timestamp of the clock join and return times are on.</summary>
    public long Now => time.GetTimestamp();

    /// <summary>The slow start a load balancer asks for, or null when it sets none.</summary>
    public static SlowStart? From(LoadBalancerSettings? settings, TimeProvider time, Random random) => settings switch
    {
        { Warmup: { Duration: { } duration } warmup } when duration > TimeSpan.Zero =>
            new SlowStart(duration, (warmup.MinimumPercent ?? DefaultMinimumPercent) / 100, warmup.Aggression ?? 1, time, random),
        { WarmupDuration: { } duration } when duration > TimeSpan.Zero =>
            new SlowStart(duration, DefaultMinimumPercent / 100, 1, time, random),
        _ => null,
    };

    /// <summary>The weight (0 to 1) of an endpoint that has been in service for <paramref name="elapsed"/>.</summary>
    public double Weight(TimeSpan elapsed)
    {
        if (elapsed >= Window)
        {
            return 1;
        }

        var timeFactor = Math.Max(elapsed.TotalSeconds, 1) / Window.TotalSeconds;
        return Math.Min(1, Math.Max(MinimumWeight, Math.Pow(timeFactor, 1 / Aggression)));
    }

    /// <summary>The weight of <paramref name="endpoint"/> at <paramref name="now"/>.</summary>
    public double Weight(UpstreamEndpoint endpoint, long now)
    {
        var since = InServiceSince(endpoint);
        return since == 0 ? 1 : Weight(time.GetElapsedTime(since, now));
    }

    /// <summary>Whether a pick of <paramref name="endpoint"/> stands: always for a warm one, with its weight's probability while warming.</summary>
    public bool Admits(UpstreamEndpoint endpoint, long now)
    {
        var since = InServiceSince(endpoint);
        if (since == 0)
        {
            return true;
        }

        var elapsed = time.GetElapsedTime(since, now);
        return elapsed >= Window || random.NextDouble() < Weight(elapsed);
    }

    // The later of joining the cluster and coming back from an outlier ejection (0: in service from the start).
    private static long InServiceSince(UpstreamEndpoint endpoint)
        => endpoint.Health is { } health ? Math.Max(endpoint.JoinedAt, health.InServiceSince) : endpoint.JoinedAt;
}
