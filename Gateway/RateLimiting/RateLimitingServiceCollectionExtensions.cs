namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>Registers the gateway's rate limiting: cluster-wide buckets leased from grains (requests and model tokens), and local ones.</summary>
internal static class RateLimitingServiceCollectionExtensions
{
    /// <summary>Adds the buckets, the request-path gate and the leaser (needs an <see cref="IGrainFactory"/> and a <see cref="TimeProvider"/>).</summary>
    public static IServiceCollection AddMeshRateLimiting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RateLimitLeaser>();
        services.AddHostedService(sp => sp.GetRequiredService<RateLimitLeaser>());
        services.AddSingleton<RateLimitBuckets>();
        services.AddSingleton<RateLimitGate>();
        services.AddSingleton<TokenRateLimitGate>();
        return services;
    }
}
