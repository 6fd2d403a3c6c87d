using System.Globalization;

namespace OrleansMesh.Benchmarks.LoadBalancing;

/// <summary>One measured phase: every request's latency in milliseconds, the errors, and the share each backend served.</summary>
internal sealed record Phase(double[] LatenciesMs, int Errors, TimeSpan Duration, int[] BackendCounts)
{
    public double Percentile(double p) => Percentile(LatenciesMs, p);

    public double RequestsPerSecond => LatenciesMs.Length / Duration.TotalSeconds;

    public double SlowShare => BackendCounts.Sum() == 0 ? 0 : BackendCounts[^1] / (double)BackendCounts.Sum();

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{LatenciesMs.Length} requests, {RequestsPerSecond:F0} req/s, p50 {Percentile(50):F1} ms, p99 {Percentile(99):F1} ms, slow backend share {SlowShare:P1}, errors {Errors}");

    /// <summary>Nearest-rank percentile of <paramref name="values"/>.</summary>
    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
