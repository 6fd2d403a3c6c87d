using System.Globalization;

namespace OrleansMesh.Deployment.Tests.Chaos;

/// <summary>
/// The run's length and seed: 2 minutes in the test run; <c>ORLEANSMESH_CHAOS_DURATION</c> (e.g. 00:10:00) and
/// <c>ORLEANSMESH_CHAOS_SEED</c> for the long form (<c>Benchmarks/Chaos/run.sh</c>), <c>ORLEANSMESH_CHAOS_REPORT</c> for
/// a file the table is written to.
/// </summary>
internal sealed record ChaosSettings(TimeSpan Duration, int Seed, string? Report)
{
    public static ChaosSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable("ORLEANSMESH_CHAOS_DURATION") is { Length: > 0 } d ? TimeSpan.Parse(d, CultureInfo.InvariantCulture) : TimeSpan.FromMinutes(2),
        Environment.GetEnvironmentVariable("ORLEANSMESH_CHAOS_SEED") is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20261207,
        Environment.GetEnvironmentVariable("ORLEANSMESH_CHAOS_REPORT") is { Length: > 0 } r ? r : null);
}
