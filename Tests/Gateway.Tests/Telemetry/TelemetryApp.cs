using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Tests.Telemetry;

/// <summary>An app with only the gateway's telemetry wired, as <c>AddMeshGatewayTelemetry</c> wires it, from settings.</summary>
internal static class TelemetryApp
{
    public static WebApplication Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddOptions<MeshGatewayOptions>().BindConfiguration(MeshGatewayOptions.SectionName);
        builder.AddMeshGatewayTelemetry();
        return builder.Build();
    }
}
