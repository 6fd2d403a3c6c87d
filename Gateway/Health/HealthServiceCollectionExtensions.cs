namespace OrleansMesh.Gateway.Health;

/// <summary>Registers the gateway's side of cluster-wide breakers and outlier detection.</summary>
internal static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Adds the destination registry the compiler and request path share, and the reporter that talks to the health
    /// grains (needs an <see cref="IGrainFactory"/> and a <see cref="TimeProvider"/>).
    /// </summary>
    public static IServiceCollection AddMeshHealth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HealthReportingOptions>().BindConfiguration(HealthReportingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GatewayInstance>();
        services.AddSingleton<HealthRegistry>();
        services.AddSingleton<HealthReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthReporter>());
        return services;
    }
}
