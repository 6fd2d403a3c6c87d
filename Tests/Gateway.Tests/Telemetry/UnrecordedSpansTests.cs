using OrleansMesh.Gateway.Hosting;

namespace OrleansMesh.Gateway.Tests.Telemetry;

/// <summary>
/// ASP.NET Core starts a span for every request while its hosting logger is on at any level; with tracing off the
/// gateway turns that logger off, unless the operator set its level.
/// </summary>
public sealed class UnrecordedSpansTests
{
    [Fact]
    public void TracingOff_HostingLoggerIsOffAtEveryLevel()
    {
        Assert.False(HostingLoggerOn());
    }

    [Fact]
    public void TracingOn_HostingLoggerIsLeftOn()
    {
        Assert.True(HostingLoggerOn(("OrleansMesh:Gateway:Telemetry:Tracing", "true")));
    }

    [Fact]
    public void OtlpEndpointSet_HostingLoggerIsLeftOn()
    {
        Assert.True(HostingLoggerOn(("OrleansMesh:Gateway:Telemetry:OtlpEndpoint", "http://127.0.0.1:4317")));
    }

    [Fact]
    public void TracingOff_LevelSetByTheOperator_IsKept()
    {
        Assert.True(HostingLoggerOn(($"Logging:LogLevel:{TelemetryExtensions.HostingDiagnosticsCategory}", "Information")));
    }

    private static bool HostingLoggerOn(params (string Key, string Value)[] settings)
    {
        using var app = TelemetryApp.Build(settings);
        return app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(TelemetryExtensions.HostingDiagnosticsCategory).IsEnabled(LogLevel.Critical);
    }
}
