using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansMesh.Hosting;

/// <summary>Reads and registers <see cref="MeshClusterOptions"/> the same way in every host.</summary>
public static class MeshClusterOptionsExtensions
{
    /// <summary>
    /// Binds <see cref="MeshClusterOptions"/> from the <c>OrleansMesh</c> section of <paramref name="configuration"/> and
    /// validates them now, for hosts that configure Orleans from them before the host's own validation could run.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid; its failures name every wrong setting.</exception>
    /// <exception cref="InvalidOperationException">A value cannot be converted, e.g. a port that is not a number.</exception>
    public static MeshClusterOptions GetMeshClusterOptions(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(MeshClusterOptions.SectionName).Get<MeshClusterOptions>() ?? new MeshClusterOptions();
        var validation = new MeshClusterOptionsValidator().Validate(Options.DefaultName, options);
        return validation.Failed
            ? throw new OptionsValidationException(Options.DefaultName, typeof(MeshClusterOptions), validation.Failures)
            : options;
    }

    /// <summary>
    /// Makes <see cref="MeshClusterOptions"/> available as <see cref="IOptions{TOptions}"/>, bound from the
    /// <c>OrleansMesh</c> section and validated by <see cref="MeshClusterOptionsValidator"/> on start.
    /// </summary>
    public static IServiceCollection AddMeshClusterOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MeshClusterOptions>().BindConfiguration(MeshClusterOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshClusterOptions>, MeshClusterOptionsValidator>());
        return services;
    }
}
