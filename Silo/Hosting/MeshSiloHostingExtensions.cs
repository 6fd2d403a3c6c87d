using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Grains.Rollouts;
using OrleansMesh.Grains.Inference;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Hosting;
using OrleansMesh.Security.Admin;
using StackExchange.Redis;

namespace OrleansMesh.Silo.Hosting;

/// <summary>Hosts the OrleansMesh control plane (an Orleans silo) in any .NET host, a WebApplication included.</summary>
public static class MeshSiloHostingExtensions
{
    /// <summary>
    /// Binds <see cref="MeshClusterOptions"/> and <see cref="MeshSiloOptions"/> from the <c>OrleansMesh</c> section
    /// (validated now and on start) and adds a silo with the chosen clustering and the <c>mesh</c> grain storage.
    /// </summary>
    public static IHostApplicationBuilder AddMeshSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(MeshSiloOptions.SectionName);
        builder.Services.AddMeshClusterOptions();
        builder.Services.AddOptions<MeshSiloOptions>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshSiloOptions>, MeshSiloOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMeshCertificateAuthority();
        builder.Services.AddMeshRollouts();
        builder.Services.AddOptions<InferencePoolOptions>().Bind(section.GetSection("InferencePool"))
            .Validate(o => o.ScrapeInterval >= TimeSpan.FromMilliseconds(50) && o.ScrapeInterval <= TimeSpan.FromSeconds(10), "OrleansMesh__InferencePool__ScrapeInterval must be between 00:00:00.050 and 00:00:10 (how often the control plane scrapes InferencePool members)")
            .Validate(o => o.ScrapeTimeout > TimeSpan.Zero && o.ScrapeTimeout <= TimeSpan.FromSeconds(30), "OrleansMesh__InferencePool__ScrapeTimeout must be above 0 and at most 00:00:30")
            .Validate(o => o.InFlightPushInterval >= TimeSpan.FromMilliseconds(1) && o.InFlightPushInterval <= TimeSpan.FromSeconds(1), "OrleansMesh__InferencePool__InFlightPushInterval must be between 00:00:00.001 and 00:00:01 (least time between two pushes of the requests in flight through all gateways)")
            .ValidateOnStart();

        // With OrleansMesh__AdminToken set, admin calls (apply, delete, revoke, breaker holds) must carry it.
        builder.Services.AddMeshAdminToken(builder.Configuration[AdminToken.ConfigurationKey], enforce: true);

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
        var (cluster, options) = ReadOptions(builder.Configuration, section);
        var contentRoot = builder.Environment.ContentRootPath;
        var membership = section.GetSection(MembershipSection);
        builder.UseOrleans(silo =>
        {
            silo.UseMeshClustering(cluster, options, membership);
            var storage = options.EffectiveStorage(cluster);
            if (Is(storage, MeshSiloDefaults.RedisStorage))
            {
                var redis = ConfigurationOptions.Parse(cluster.Redis!);

                // Orleans' serializer, as the SQLite provider uses: the state types carry its attributes, not JSON contracts.
                silo.AddRedisGrainStorage(MeshStorage.Name, o => o.Configure<Serializer>((redisOptions, serializer) =>
                {
                    redisOptions.ConfigurationOptions = redis;
                    redisOptions.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
            }
            else if (Is(storage, MeshSiloDefaults.SqliteStorage))
            {
                var dataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
                silo.AddSqliteGrainStorage(MeshStorage.Name, o => o.DataSource = Path.Combine(dataDirectory, MeshSiloDefaults.DatabaseFile));
            }
            else if (Is(storage, MeshSiloDefaults.MemoryStorage))
            {
                silo.AddMeshMemoryGrainStorage();
            }
        });
        return builder;
    }

    /// <summary>
    /// The subsection bound to Orleans' <c>ClusterMembershipOptions</c> after the failure-detection preset, e.g.
    /// <c>OrleansMesh__Membership__ProbeTimeout=00:00:02</c>.
    /// </summary>
    public const string MembershipSection = "Membership";

    // One exception naming every wrong setting of the section, the cluster's and the silo's own alike.
    private static (MeshClusterOptions Cluster, MeshSiloOptions Silo) ReadOptions(IConfiguration configuration, IConfigurationSection section)
    {
        var options = section.Get<MeshSiloOptions>() ?? new MeshSiloOptions();
        var siloFailures = new MeshSiloOptionsValidator().Validate(Options.DefaultName, options).Failures ?? [];
        MeshClusterOptions cluster;
        try
        {
            cluster = configuration.GetMeshClusterOptions();
        }
        catch (OptionsValidationException e) when (siloFailures.Any())
        {
            throw new OptionsValidationException(e.OptionsName, e.OptionsType, [.. e.Failures, .. siloFailures]);
        }

        siloFailures = [.. siloFailures, .. MeshSiloOptionsValidator.ValidateAgainst(options, cluster)];
        return siloFailures.Any()
            ? throw new OptionsValidationException(Options.DefaultName, typeof(MeshSiloOptions), siloFailures)
            : (cluster, options);
    }

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
