using Microsoft.Extensions.Options;
using OrleansMesh.Hosting;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>Gives the stand-alone server its own mesh identity: an Orleans client of the mesh cluster and the CA's workload certificate.</summary>
internal static class MeshIdentityServiceCollectionExtensions
{
    /// <summary>
    /// Joins the cluster <paramref name="cluster"/> names (the <c>OrleansMesh__*</c> settings gateways and meshctl read)
    /// and registers an <see cref="IMeshServerIdentity"/> for <c>spiffe://…/ns/NAMESPACE/sa/SERVICE-ACCOUNT</c>; in
    /// <see cref="MeshTlsMode.Mesh"/>, also the <see cref="IPeerModeProvider"/> that polls the mesh's PeerAuthentication.
    /// </summary>
    /// <exception cref="OptionsValidationException">The cluster settings or the identity's names are invalid.</exception>
    public static IServiceCollection AddMeshServerIdentity(this IServiceCollection services, MeshClusterOptions cluster, ModelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var workload = new WorkloadIdentityOptions
        {
            Namespace = options.Namespace,
            ServiceAccount = options.ServiceAccount ?? options.Name,
            JoinToken = options.JoinToken,
            JoinTokenFile = options.JoinTokenFile,
        };
        var failures = workload.Validate().Concat(new MeshClusterOptionsValidator().Validate(null, cluster).Failures ?? []).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(ModelServerDefaults.SectionName, typeof(ModelServerOptions), failures);
        }

        services.AddOrleansClient(client => client.UseMeshClustering(cluster));
        services.AddSingleton(workload);
        services.AddSingleton<WorkloadServerIdentity>();
        services.AddSingleton<IMeshServerIdentity>(sp => sp.GetRequiredService<WorkloadServerIdentity>());
        services.AddHostedService<MeshIdentityService>();
        if (options.MeshTls == MeshTlsMode.Mesh)
        {
            services.AddSingleton<MeshPeerAuthentication>();
            services.AddSingleton<IPeerModeProvider>(sp => sp.GetRequiredService<MeshPeerAuthentication>());
            services.AddHostedService<PeerAuthenticationPoller>();
        }

        return services;
    }
}
