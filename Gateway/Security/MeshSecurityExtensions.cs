using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Security.Authentication;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Gateway.Security;

/// <summary>Wires request security into a gateway: one call when adding services, one when building the pipeline.</summary>
internal static class MeshSecurityExtensions
{
    /// <summary>
    /// Adds the security snapshot's compiler, the checks before routing, JWT validation (the destination-level check is <c>Pipeline/AuthorizationGate</c>)
    /// and the gateway's mesh identity (<see cref="UpstreamTls"/> for ISTIO_MUTUAL endpoints). Needs an <see cref="IGrainFactory"/>.
    /// </summary>
    public static IServiceCollection AddMeshSecurity(this IServiceCollection services)
    {
        services.AddOptions<MeshSecurityOptions>().BindConfiguration(MeshSecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JwksCache>();
        services.AddSingleton<SecuritySnapshotCompiler>();
        services.AddSingleton(sp => new JwtValidator(sp.GetRequiredService<IOptions<MeshSecurityOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TokenAuthenticator>();
        services.AddSingleton<AuthorizationAudit>();
        services.AddSingleton<GatewayAuthentication>();
        services.AddSingleton<GatewayAuthorization>();
        services.AddOptions<GatewayIdentityOptions>().BindConfiguration(GatewayIdentityOptions.SectionName)
            .PostConfigure<IOptions<MeshGatewayOptions>>(static (identity, gateway) => identity.Namespace ??= gateway.Value.Namespace)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GatewayIdentity>();
        services.AddSingleton<UpstreamTls>();
        services.AddHostedService<GatewayIdentityService>();
        return services;
    }
}
