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

    /// <summary>ASP.NET Core's per-request hosting logger: while it is on at any level, every request gets a span.</summary>
    internal const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

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
        else
        {
            SkipUnrecordedSpans(builder);
        }

        if (otlp is not null)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, otlp);
        }

        return builder;
    }

    /// <summary>
    /// With tracing off, keeps ASP.NET Core from starting an <see cref="Activity"/> for every request only because its
    /// hosting logger is on (it does so for log scopes), which in turn makes HttpClient start a child for every upstream
    /// attempt and send a <c>traceparent</c> of its own: about 2 KB and a tenth of the request path's CPU for spans
    /// nobody records. A client's trace headers then pass to the upstream unchanged, as Envoy's do without a tracer.
    /// A level set in configuration for the category is left as the operator set it.
    /// </summary>
    private static void SkipUnrecordedSpans(WebApplicationBuilder builder)
    {
        if (builder.Configuration[$"Logging:LogLevel:{HostingDiagnosticsCategory}"] is null)
        {
            builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        }
    }
}
