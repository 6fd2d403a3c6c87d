namespace OrleansMesh.Gateway.Scheduling;

/// <summary>Registers the InferencePool endpoint picker's gateway side.</summary>
internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>Adds the pool registry the compiler and request path share, the picker's metrics, and the reporter that talks to the pool grains.</summary>
    public static IServiceCollection AddMeshInferencePicker(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InferencePickerOptions>().BindConfiguration(InferencePickerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InferencePoolRegistry>();
        services.AddSingleton<PickerMetrics>();
        services.AddSingleton<PoolReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<PoolReporter>());
        return services;
    }
}
