using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>Registers the per-gateway resilience of the request path.</summary>
internal static class ResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ResilienceCompiler"/>, with the cluster connection pools it keeps across snapshots (the request
    /// path's half is <c>Pipeline/ResilientForwarder</c>). Needs a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddMeshResilience(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var options = sp.GetRequiredService<IOptions<MeshGatewayOptions>>().Value;
            return new ResilienceCompiler(time, Random.Shared, new ClusterResilienceCache(time, options.ConnectTimeout, options.UpstreamIdleTimeout, sp.GetService<Security.Identity.UpstreamTls>() is { } tls ? (Action<SocketsHttpHandler, Security.Identity.UpstreamTlsPolicy?>)tls.Apply : null));
        });
        return services;
    }
}
