using OrleansMesh.Telemetry;

namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>A destination's figures over the dashboard's window (<see cref="TelemetryFigures"/> plus the error counts).</summary>
internal sealed record FiguresView(
    long Requests,
    double Rps,
    double? SuccessRate,
    double? P50,
    double? P99,
    double? TtftP50,
    double? TtftP99,
    double TokensInPerSecond,
    double TokensOutPerSecond,
    long ClientErrors,
    long ServerErrors,
    IReadOnlyDictionary<string, long> Flags)
{
    public static FiguresView Of(DestinationSample sample, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var f = TelemetryFigures.Of(sample, window);
        return new FiguresView(f.Requests, f.RequestsPerSecond, f.SuccessRate, f.LatencyP50, f.LatencyP99, f.TimeToFirstTokenP50, f.TimeToFirstTokenP99,
            f.InputTokensPerSecond, f.OutputTokensPerSecond, sample.ClientErrors, sample.ServerErrors, sample.Flags);
    }
}
