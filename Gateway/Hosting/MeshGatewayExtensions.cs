using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansMesh.Gateway.ControlPlane;
using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Gateway.Framing;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Mirroring;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Pipeline;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Scheduling;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Hosting;

namespace OrleansMesh.Gateway.Hosting;

/// <summary>Wires a mesh gateway into an ASP.NET Core host.</summary>
internal static class MeshGatewayExtensions
{
    /// <summary>
    /// Adds the data plane (snapshot store, YARP forwarder, request handler) and its subscription to the control plane.
    /// Needs an <see cref="IGrainFactory"/>: the silo's own in the dev mesh, or <see cref="AddMeshClusterClient"/>.
    /// </summary>
    public static WebApplicationBuilder AddMeshGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(MeshGatewayOptions.DefaultUrl);
        }

        var services = builder.Services;
        services.AddOptions<MeshGatewayOptions>().BindConfiguration(MeshGatewayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        builder.AddMeshRequestFraming();
        services.AddHttpForwarder();
        services.AddSingleton<GatewaySnapshotStore>();
        services.AddSingleton<GatewaySnapshotCompiler>();
        services.AddSingleton(sp => new EndpointStateCache(sp.GetRequiredService<TimeProvider>()));
        services.AddMeshResilience();
        services.AddMeshMirroring();
        services.AddSingleton<ResilientForwarder>();
        services.AddMeshHealth();
        services.AddMeshRateLimiting();
        services.AddMeshInferencePicker();
        services.AddSingleton(sp => new RoutingSnapshotCompiler(
            sp.GetRequiredService<EndpointStateCache>(),
            Random.Shared,
            new RegexCache(),
            sp.GetRequiredService<ResilienceCompiler>(),
            sp.GetRequiredService<HealthRegistry>(),
            sp.GetRequiredService<InferencePoolRegistry>(),
            sp.GetRequiredService<PickerMetrics>()));
        services.AddSingleton<UpstreamHttpClient>();
        services.AddMeshInference();
        services.AddSingleton<MeshRouter>();
        services.AddSingleton<MeshRequestPipeline>();
        services.AddMeshSecurity();
        services.AddSingleton<AuthorizationGate>();
        builder.AddMeshGatewayTelemetry();
        services.AddSingleton<ControlPlaneConnectionEvents>();
        services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<ControlPlaneConnectionEvents>());
        services.AddSingleton<MeshConfigSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<MeshConfigSubscriber>());
        return builder;
    }

    /// <summary>
    /// Makes the gateway an Orleans client of the cluster named by the <c>OrleansMesh</c> settings
    /// (<see cref="MeshClusterOptions"/>, validated now: the client is configured from them here).
    /// </summary>
    public static WebApplicationBuilder AddMeshClusterClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMeshClusterOptions();
        var cluster = builder.Configuration.GetMeshClusterOptions();
        builder.UseOrleansClient(client => client.UseMeshClustering(cluster));
        builder.Services.AddSingleton<IClientConnectionRetryFilter, ControlPlaneRetryFilter>();

        // Serve (503 until the first snapshot, then the last known config) while the client is still connecting.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        return builder;
    }

    /// <summary>Sends every request that reaches the end of the pipeline through the mesh.</summary>
    public static WebApplication MapMeshGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.Services.GetRequiredService<MeshRequestPipeline>();
        app.Run(pipeline.HandleAsync);
        return app;
    }
}
