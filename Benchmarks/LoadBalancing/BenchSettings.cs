namespace OrleansMesh.Benchmarks.LoadBalancing;

/// <summary>The run's shape, from <c>BENCH_*</c> environment variables (documented in run.sh).</summary>
internal sealed record BenchSettings(
    int Rounds, TimeSpan Duration, TimeSpan Warmup, int Workers, int BaseLatencyMs, int SlowExtraMs, int SlowCapacity, string[] Policies)
{
    public static BenchSettings FromEnvironment() => new(
        Int("BENCH_ROUNDS", 3),
        TimeSpan.FromSeconds(Int("BENCH_SECONDS", 8)),
        TimeSpan.FromSeconds(Int("BENCH_WARMUP_SECONDS", 2)),
        Int("BENCH_WORKERS", 16),
        Int("BENCH_BASE_MS", 5),
        Int("BENCH_SLOW_EXTRA_MS", 20),
        Int("BENCH_SLOW_CAPACITY", 2),
        (Environment.GetEnvironmentVariable("BENCH_POLICIES") ?? "LEAST_REQUEST ROUND_ROBIN RANDOM")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int Int(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
