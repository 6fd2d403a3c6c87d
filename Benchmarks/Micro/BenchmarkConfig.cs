using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace OrleansMesh.Benchmarks;

/// <summary>
/// A short, in-process job: the whole suite runs in a few minutes on the shared 2-core dev machine. In-process avoids
/// BenchmarkDotNet generating and building a child project under the repo's strict Directory.Build.props.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create()
    {
        var artifacts = Environment.GetEnvironmentVariable("BENCH_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "orleansmesh-bench");
        var job = Job.ShortRun
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true))
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))

            // The empty-call overhead (~1 ns) is not subtracted: measuring it cost more than half of each run.
            .WithEvaluateOverhead(false)
            .WithId("ShortInProc");
        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.JoinSummary);
    }
}
