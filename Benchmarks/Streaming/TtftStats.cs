namespace OrleansMesh.Benchmarks.Streaming;

/// <summary>Order statistics of one target's samples, in milliseconds (nearest-rank percentiles).</summary>
internal sealed record TtftStats(int Count, double Min, double Median, double P90, double P99, double Max, double Mean)
{
    public static TtftStats Of(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return new TtftStats(sorted.Length, sorted[0], Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
