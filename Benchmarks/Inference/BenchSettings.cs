using System.Globalization;

namespace OrleansMesh.Benchmarks.Inference;

/// <summary>The run's parameters, from <c>BENCH_*</c> environment variables (see run.sh).</summary>
internal sealed record BenchSettings(double Rate, TimeSpan Duration, TimeSpan Warmup, TimeSpan TtftObjective, string[] Policies, int Seed, int Rounds)
{
    public static BenchSettings FromEnvironment() => new(
        Number("BENCH_RATE", 22),
        TimeSpan.FromSeconds(Number("BENCH_SECONDS", 40)),
        TimeSpan.FromSeconds(Number("BENCH_WARMUP_SECONDS", 5)),
        TimeSpan.FromMilliseconds(Number("BENCH_TTFT_OBJECTIVE_MS", 1000)),
        (Environment.GetEnvironmentVariable("BENCH_POLICIES") ?? "ROUND_ROBIN LEAST_REQUEST PICKER").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        (int)Number("BENCH_SEED", 42),
        (int)Number("BENCH_ROUNDS", 3));

    private static double Number(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
