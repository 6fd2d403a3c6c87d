using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Hosting;

/// <summary>
/// The gateway process's admin listener: Kestrel listens on the proxy URLs and on
/// <see cref="MeshGatewayAdminOptions.AdminUrls"/>; admin endpoints answer only connections accepted on an admin port
/// (told by the local port, not by the Host header, which a client chooses), everything else goes to the mesh.
/// </summary>
internal static class MeshGatewayAdminExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>Adds the admin URLs to the listen URLs and registers the liveness and readiness checks.</summary>
    /// <exception cref="OptionsValidationException">An admin URL is malformed, has no port or shares one with a proxy URL.</exception>
    public static WebApplicationBuilder AddMeshGatewayAdmin(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var proxyUrls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(proxyUrls))
        {
            proxyUrls = MeshGatewayOptions.DefaultUrl;
        }

        var adminUrls = AdminUrls(builder.Configuration);
        var adminPorts = Ports(adminUrls, MeshGatewayAdminOptions.DefaultAdminUrl);
        var clash = Split(proxyUrls).Select(TryPort).OfType<int>().Intersect(adminPorts).ToArray();
        if (clash.Length > 0)
        {
            Fail($"{Key} uses port {string.Join(", ", clash)}, which the proxy listens on ({proxyUrls}); give the admin listener a port of its own");
        }

        builder.WebHost.UseUrls([.. Split(proxyUrls), .. adminUrls]);
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [LiveTag])
            .AddCheck<GatewayReadinessHealthCheck>("config", tags: [ReadyTag]);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Answers <see cref="MeshGatewayAdminOptions.LivePath"/>, <see cref="MeshGatewayAdminOptions.ReadyPath"/> and
    /// <see cref="MeshGatewayAdminOptions.MetricsPath"/> (Prometheus) on
    /// the admin ports (404 for anything else there). Call it before <see cref="MeshGatewayExtensions.MapMeshGateway"/>.
    /// </summary>
    public static WebApplication MapMeshGatewayAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var adminPorts = Ports(AdminUrls(app.Configuration), MeshGatewayAdminOptions.DefaultAdminUrl).ToHashSet();
        app.MapWhen(context => adminPorts.Contains(context.Connection.LocalPort), admin =>
        {
            admin.UseHealthChecks(MeshGatewayAdminOptions.LivePath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag) });
            admin.UseHealthChecks(MeshGatewayAdminOptions.ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
            admin.UseOpenTelemetryPrometheusScrapingEndpoint(MeshGatewayAdminOptions.MetricsPath);
            admin.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }

    private static string Key => $"{MeshGatewayAdminOptions.SectionName}:{nameof(MeshGatewayAdminOptions.AdminUrls)}";

    private static string[] AdminUrls(IConfiguration configuration)
    {
        var options = configuration.GetSection(MeshGatewayAdminOptions.SectionName).Get<MeshGatewayAdminOptions>() ?? new();
        var urls = Split(options.AdminUrls);
        return urls.Length > 0 ? urls : Fail<string[]>($"{Key} is empty; set it, e.g. {MeshGatewayAdminOptions.DefaultAdminUrl}");
    }

    private static string[] Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Admin URLs must each name a fixed port: the port is how an admin connection is told from a proxied one.
    private static int[] Ports(IEnumerable<string> urls, string example) =>
        [.. urls.Select(url => TryPort(url) ?? Fail<int>($"{Key}: '{url}' is not a listen URL with a fixed port; use scheme://host:port, e.g. {example}"))];

    private static int? TryPort(string url)
    {
        try
        {
            var port = BindingAddress.Parse(url).Port;
            return port > 0 ? port : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Fail(string message) => Fail<bool>(message);

    private static T Fail<T>(string message) =>
        throw new OptionsValidationException(Options.DefaultName, typeof(MeshGatewayAdminOptions), [message]);
}
