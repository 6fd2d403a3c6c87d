using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OrleansMesh.Silo.Hosting;

/// <summary>The silo's HTTP side: a health endpoint for container and Kubernetes probes, and Prometheus metrics.</summary>
internal static class MeshSiloHealthExtensions
{
    /// <summary>The name of the silo's health check, so a process with other checks (the dev mesh) answers only it.</summary>
    public const string CheckName = "silo";

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

        builder.Services.AddMeshSiloHealthChecks();
        return builder;
    }

    /// <summary>The silo health check and Orleans' and the control plane's meters, exported for Prometheus.</summary>
    public static IServiceCollection AddMeshSiloHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<MeshSiloHealthCheck>(CheckName);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(MeshSiloDefaults.ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(MeshSiloDefaults.OrleansMeter, MeshSiloDefaults.ControlPlaneMeter, MeshSiloDefaults.RuntimeMeter).AddPrometheusExporter());
        return services;
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

    /// <summary>
    /// The same two endpoints on connections accepted on <paramref name="port"/> only (404 for anything else there),
    /// for a process whose other ports serve something else (the dev mesh's gateway).
    /// </summary>
    public static IApplicationBuilder MapMeshSiloHealthOnPort(this IApplicationBuilder app, int port)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapWhen(context => context.Connection.LocalPort == port, silo =>
        {
            silo.UseHealthChecks(MeshSiloDefaults.HealthPath, new HealthCheckOptions { Predicate = c => c.Name == CheckName });
            silo.UseOpenTelemetryPrometheusScrapingEndpoint(MeshSiloDefaults.MetricsPath);
            silo.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }
}
