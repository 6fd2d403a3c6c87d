namespace OrleansMesh.Telemetry;

/// <summary>The figures users and rollouts judge a destination by, from a merged <see cref="DestinationSample"/>.</summary>
/// <param name="Requests">Requests finished in the window.</param>
/// <param name="RequestsPerSecond">Requests over the window's length.</param>
/// <param name="SuccessRate">Percent of requests not answered 5xx (Flagger's request-success-rate), null without requests.</param>
/// <param name="LatencyP50">Median duration in ms (within 2 %), null without requests.</param>
/// <param name="LatencyP99">99th percentile duration in ms (within 2 %).</param>
/// <param name="TimeToFirstTokenP50">Median time to first token of streams in ms, null without streams.</param>
/// <param name="TimeToFirstTokenP99">99th percentile time to first token in ms.</param>
/// <param name="InputTokensPerSecond">Prompt tokens over the window's length.</param>
/// <param name="OutputTokensPerSecond">Completion tokens over the window's length.</param>
public sealed record TelemetryFigures(
    long Requests,
    double RequestsPerSecond,
    double? SuccessRate,
    double? LatencyP50,
    double? LatencyP99,
    double? TimeToFirstTokenP50,
    double? TimeToFirstTokenP99,
    double InputTokensPerSecond,
    double OutputTokensPerSecond)
{
    /// <summary>The figures of <paramref name="sample"/> over <paramref name="window"/>.</summary>
    public static TelemetryFigures Of(DestinationSample sample, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var seconds = Math.Max(window.TotalSeconds, 1);
        var answered = sample.Requests - sample.Cancelled;
        return new TelemetryFigures(
            sample.Requests,
            sample.Requests / seconds,
            answered > 0 ? 100.0 * (answered - sample.ServerErrors) / answered : null,
            sample.Latency.Quantile(0.5),
            sample.Latency.Quantile(0.99),
            sample.TimeToFirstToken.Quantile(0.5),
            sample.TimeToFirstToken.Quantile(0.99),
            sample.InputTokens / seconds,
            sample.OutputTokens / seconds);
    }
}
