using Microsoft.Extensions.DependencyInjection;

namespace OrleansMesh.Grains.Rollouts;

/// <summary>Registers what a silo needs to drive Rollouts.</summary>
public static class RolloutServiceCollectionExtensions
{
    /// <summary>Adds the <see cref="RolloutKeeper"/> that keeps every stored Rollout's driver running.</summary>
    public static IServiceCollection AddMeshRollouts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService<RolloutKeeper>();
        return services;
    }
}
