using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Mirroring;

/// <summary>Registers shadow traffic.</summary>
internal static class MirroringServiceCollectionExtensions
{
    /// <summary>Adds <see cref="MirrorDispatcher"/>, its <see cref="MirroringOptions"/> (validated on start) and <see cref="MirrorMetrics"/>.</summary>
    public static IServiceCollection AddMeshMirroring(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MirroringOptions>().BindConfiguration(MirroringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MirrorMetrics>();
        services.AddSingleton<MirrorDispatcher>();
        return services;
    }
}
