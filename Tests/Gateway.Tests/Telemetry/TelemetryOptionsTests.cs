using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Tests.Telemetry;

/// <summary>The gateway's <c>source_workload_namespace</c> follows the gateway's own namespace unless set apart.</summary>
public sealed class TelemetryOptionsTests
{
    [Fact]
    public void WorkloadNamespace_NotSet_IsTheGatewaysNamespace()
    {
        Assert.Equal("edge", Resolve(("OrleansMesh:Gateway:Namespace", "edge")).WorkloadNamespace);
    }

    [Fact]
    public void WorkloadNamespace_Set_WinsOverTheGatewaysNamespace()
    {
        var telemetry = Resolve(("OrleansMesh:Gateway:Namespace", "edge"), ("OrleansMesh:Gateway:Telemetry:WorkloadNamespace", "ingress"));

        Assert.Equal("ingress", telemetry.WorkloadNamespace);
    }

    private static TelemetryOptions Resolve(params (string Key, string Value)[] settings)
    {
        using var app = TelemetryApp.Build(settings);
        return app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
    }
}
