using Microsoft.Extensions.Options;
using OrleansMesh.Security.Admin;
using OrleansMesh.Silo.Dashboard.Reading;

namespace OrleansMesh.Silo.Dashboard;

/// <summary>Wires the dashboard into the silo's HTTP listener (the standalone silo's and the dev mesh's).</summary>
internal static class DashboardExtensions
{
    /// <summary>The dashboard's services; the admin token is read from <see cref="AdminToken.ConfigurationKey"/>, as the silo's grain filters read it.</summary>
    public static IServiceCollection AddMeshDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.SectionName));
        services.AddSingleton<DashboardAssets>();
        services.AddSingleton<ConfigHistory>();
        services.AddSingleton<DashboardReader>();
        services.AddSingleton(sp => new AdminSession(configuration[AdminToken.ConfigurationKey], sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Serves the dashboard at <see cref="DashboardDefaults.BasePath"/>, unless <see cref="DashboardOptions.Enabled"/> is false.</summary>
    public static IApplicationBuilder UseMeshDashboard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetRequiredService<IOptions<DashboardOptions>>().Value.Enabled
            ? app.Map(DashboardDefaults.BasePath, dashboard => dashboard.UseMiddleware<DashboardMiddleware>())
            : app;
    }
}
