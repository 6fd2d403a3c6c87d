using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansMesh.Grains.Identity;

/// <summary>Registers the mesh CA's settings on a silo.</summary>
internal static class CertificateAuthorityServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="CertificateAuthorityOptions"/> from <c>OrleansMesh:CertificateAuthority</c> and validates them on
    /// start. Without it the CA grain uses the defaults (and still validates them when it activates).
    /// </summary>
    public static IServiceCollection AddMeshCertificateAuthority(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CertificateAuthorityOptions>().BindConfiguration(CertificateAuthorityOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CertificateAuthorityOptions>, CertificateAuthorityOptionsValidator>());
        return services;
    }
}
