using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMesh.Grains.Storage;

namespace OrleansMesh.Silo.Hosting;

/// <summary>Hosts the OrleansMesh control plane (an Orleans silo) in any .NET host, a WebApplication included.</summary>
public static class MeshSiloHostingExtensions
{
    /// <summary>
    /// Binds <see cref="MeshSiloOptions"/> from the <c>OrleansMesh</c> section (validated on start) and adds a silo
    /// with the chosen clustering and the <c>mesh</c> grain storage.
    /// </summary>
    public static IHostApplicationBuilder AddMeshSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(MeshSiloOptions.SectionName);
        builder.Services.AddOptions<MeshSiloOptions>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshSiloOptions>, MeshSiloOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Orleans logs every option and membership step at Information; keep the console to what matters
        // unless the configuration says otherwise. "Orleans." with the dot: a bare "Orleans" prefix would
        // also silence our own OrleansMesh.* categories.
        if (builder.Configuration["Logging:LogLevel:Orleans"] is null && builder.Configuration["Logging:LogLevel:Orleans."] is null)
        {
            builder.Logging.AddFilter("Orleans.", LogLevel.Warning);
        }

        // Orleans' placement runs through a Polly pipeline that logs every call at Information.
        if (builder.Configuration["Logging:LogLevel:Polly"] is null)
        {
            builder.Logging.AddFilter("Polly", LogLevel.Warning);
        }

        // The silo is configured now, from the same section, so the options are checked now too:
        // Orleans resolves its services before the host's own ValidateOnStart runs, and a silo without
        // clustering would fail with a message about a missing IMembershipTable instead of ours.
        var options = section.Get<MeshSiloOptions>() ?? new MeshSiloOptions();
        var validation = new MeshSiloOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(MeshSiloOptions), validation.Failures);
        }
        var contentRoot = builder.Environment.ContentRootPath;
        builder.UseOrleans(silo =>
        {
            if (Is(options.Clustering, MeshSiloDefaults.LocalhostClustering))
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            }

            if (Is(options.Storage, MeshSiloDefaults.SqliteStorage))
            {
                var dataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
                silo.AddSqliteGrainStorage(MeshStorage.Name, o => o.DataSource = Path.Combine(dataDirectory, MeshSiloDefaults.DatabaseFile));
            }
            else if (Is(options.Storage, MeshSiloDefaults.MemoryStorage))
            {
                silo.AddMemoryGrainStorage(MeshStorage.Name, o => o.Configure<Serializer>((memory, serializer) =>
                    memory.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            }
        });
        return builder;
    }

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
