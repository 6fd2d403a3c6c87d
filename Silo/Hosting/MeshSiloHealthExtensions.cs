using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OrleansMesh.Silo.Hosting;

/// <summary>The silo's HTTP side: a health endpoint for container and Kubernetes probes, and Prometheus metrics.</summary>
internal static class MeshSiloHealthExtensions
{
    /// <summary>
    /// Adds the silo health check and, when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given, listens on
    /// <see cref="MeshSiloDefaults.HealthUrl"/>.
    /// </summary>
    public static WebApplicationBuilder AddMeshSiloHealth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(MeshSiloDefaults.HealthUrl);
        }

        builder.Services.AddHealthChecks().AddCheck<MeshSiloHealthCheck>("silo");
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(MeshSiloDefaults.ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(MeshSiloDefaults.OrleansMeter, MeshSiloDefaults.ControlPlaneMeter).AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Answers <see cref="MeshSiloDefaults.HealthPath"/> (200 while the silo is an active member, else 503) and
    /// <see cref="MeshSiloDefaults.MetricsPath"/> (Orleans' own metrics, Prometheus text format).
    /// </summary>
    public static WebApplication MapMeshSiloHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(MeshSiloDefaults.HealthPath);
        app.MapPrometheusScrapingEndpoint(MeshSiloDefaults.MetricsPath);
        return app;
    }
}
