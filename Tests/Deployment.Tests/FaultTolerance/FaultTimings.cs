using System.Globalization;

namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>
/// How long the scenario's steps last. The test suite runs the bounded form; <c>Benchmarks/Fault/run.sh</c> runs the
/// same scenario with longer steps by setting <c>ORLEANSMESH_FAULT_STEP</c> and <c>ORLEANSMESH_FAULT_SILO_OUTAGE</c>
/// (seconds) and <c>ORLEANSMESH_FAULT_RATE</c> (requests per second over both gateways).
/// </summary>
internal sealed record FaultTimings(TimeSpan Step, TimeSpan SiloOutage, int RequestsPerSecond)
{
    /// <summary>The suite's bounded form: 3 s of load per step, 10 s without any silo, 80 requests/s.</summary>
    public static FaultTimings FromEnvironment() => new(
        TimeSpan.FromSeconds(Read("ORLEANSMESH_FAULT_STEP", 3)),
        TimeSpan.FromSeconds(Read("ORLEANSMESH_FAULT_SILO_OUTAGE", 10)),
        (int)Read("ORLEANSMESH_FAULT_RATE", 80));

    private static double Read(string name, double fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
