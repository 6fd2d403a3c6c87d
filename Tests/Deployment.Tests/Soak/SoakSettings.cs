using System.Globalization;

namespace OrleansMesh.Deployment.Tests.Soak;

/// <summary>
/// How long the soak runs and where it writes: short in the test run (<c>ORLEANSMESH_SOAK_DURATION</c> unset: 90 s,
/// a sample every 15 s), long as a benchmark (<c>Benchmarks/Soak/run.sh</c>: 30 min, a sample a minute, a CSV).
/// </summary>
internal sealed record SoakSettings(TimeSpan Duration, TimeSpan SampleEvery, string? Output)
{
    public static SoakSettings FromEnvironment() => new(
        Read("ORLEANSMESH_SOAK_DURATION") ?? TimeSpan.FromSeconds(90),
        Read("ORLEANSMESH_SOAK_SAMPLE") ?? TimeSpan.FromSeconds(15),
        Environment.GetEnvironmentVariable("ORLEANSMESH_SOAK_OUTPUT") is { Length: > 0 } path ? path : null);

    private static TimeSpan? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;
}
