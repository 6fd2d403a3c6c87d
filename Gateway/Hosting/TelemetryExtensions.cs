using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Hosting;

/// <summary>Wires the gateway's metrics, traces and access log.</summary>
internal static class TelemetryExtensions
{
    public const string ServiceName = "orleansmesh-gateway";

    /// <summary>
    /// Adds <see cref="MeshMetrics"/>, the mesh-state gauges, the <see cref="AccessLog"/> and its writer, and
    /// OpenTelemetry: metrics always (Prometheus is added by the admin listener), traces when
    /// <see cref="TelemetryOptions.Tracing"/> says so, OTLP export when an endpoint is configured.
    /// </summary>
    public static WebApplicationBuilder AddMeshGatewayTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName)
            .PostConfigure<IOptions<MeshGatewayOptions>>(static (telemetry, gateway) => telemetry.WorkloadNamespace ??= gateway.Value.Namespace)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccessLogOptions>().BindConfiguration(AccessLogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MeshMetrics>();
        services.AddSingleton<GenAiMetrics>();
        services.AddSingleton<MeshStateMetrics>();
        services.AddSingleton<AccessLog>();
        services.AddSingleton<RequestTelemetry>();
        services.AddOptions<LiveTelemetryOptions>().BindConfiguration(LiveTelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveTelemetry>();
        services.AddHostedService<LiveTelemetryReporter>();
        services.AddHostedService<AccessLogWriter>();

        // ASP.NET Core's hosting reads the incoming trace context with the propagator in DI: ours also joins B3 traces.
        services.AddSingleton<DistributedContextPropagator>(MeshTracePropagator.Instance);

        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new();
        var otlp = settings.OtlpEndpoint ?? (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } env ? new Uri(env) : null);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .KeepOwnMeters()
                .AddMeter(MeshMetricNames.MeterName)
                .AddMeter(GenAiMetricNames.MeterName)

                // .NET's own process metrics (GC heap, working set, threads, CPU time): what a soak watches for leaks.
                .AddMeter(MeshMetricNames.RuntimeMeterName)
                .AddInstrumentation(sp => sp.GetRequiredService<MeshMetrics>())
                .AddInstrumentation(sp => sp.GetRequiredService<MeshStateMetrics>())
                .AddInstrumentation(sp => sp.GetRequiredService<AccessLog>()));
        if (settings.Tracing ?? otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplingRatio)))
                .AddSource(MeshTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        }

        if (otlp is not null)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, otlp);
        }

        return builder;
    }

}
