using OrleansMesh.Telemetry;

namespace OrleansMesh.Cli.Output;

/// <summary>One row of <c>meshctl top</c> (and its <c>-o json</c> element).</summary>
internal sealed record TopRow(
    string Host,
    string Subset,
    string Endpoint,
    long Requests,
    double RequestsPerSecond,
    double? SuccessRate,
    double? LatencyP50Ms,
    double? LatencyP99Ms,
    double? TimeToFirstTokenP50Ms,
    double? TimeToFirstTokenP99Ms,
    double InputTokensPerSecond,
    double OutputTokensPerSecond,
    IReadOnlyDictionary<string, long> Flags)
{
    public static TopRow From(DestinationSample sample, TimeSpan window)
    {
        var figures = TelemetryFigures.Of(sample, window);
        return new TopRow(
            sample.Host,
            sample.Subset is "" ? "-" : sample.Subset,
            sample.Endpoint,
            figures.Requests,
            figures.RequestsPerSecond,
            figures.SuccessRate,
            figures.LatencyP50,
            figures.LatencyP99,
            figures.TimeToFirstTokenP50,
            figures.TimeToFirstTokenP99,
            figures.InputTokensPerSecond,
            figures.OutputTokensPerSecond,
            sample.Flags);
    }
}
