using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>
/// Server spans per request, exported by OTLP, so a trace shows the model server under the gateway's upstream attempt
/// (the gateway sends W3C <c>traceparent</c>, which ASP.NET Core continues).
/// </summary>
internal static class ModelServerTracing
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Adds tracing when <paramref name="otlpEndpoint"/> is set (e.g. <c>http://otel-collector:4317</c>); nothing otherwise.</summary>
    public static IServiceCollection AddModelServerTracing(this IServiceCollection services, string? otlpEndpoint, ModelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            return services;
        }

        var endpoint = new Uri(otlpEndpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.Name, serviceVersion: options.Version))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = endpoint));
        return services;
    }
}
