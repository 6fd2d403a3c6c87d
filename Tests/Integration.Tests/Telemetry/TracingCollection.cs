namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>
/// Test classes that must not run beside a traced gateway: OpenTelemetry's listeners are process-wide, so while one
/// lives, every gateway in the test process makes spans.
/// </summary>
internal static class TracingCollection
{
    public const string Name = "Process-wide tracing";
}
