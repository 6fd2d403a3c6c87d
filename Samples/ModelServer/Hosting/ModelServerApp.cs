using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OrleansMesh.Samples.ModelServer.Faults;
using OrleansMesh.Samples.ModelServer.Ledger;
using OrleansMesh.Samples.ModelServer.Security;

namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>
/// Builds the fake model server for the command line, the dev mesh (several in the silo's process) and tests.
/// The app is returned unstarted; after <c>StartAsync</c> the bound addresses (real ports for port 0) are in <c>app.Urls</c>.
/// </summary>
internal static partial class ModelServerApp
{
    /// <summary>Builds a server listening on <paramref name="urls"/> (default http://127.0.0.1:9001), logging nowhere.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names the flags to fix.</exception>
    public static WebApplication Create(ModelServerOptions options, params string[] urls) =>
        Create(options, configureServices: null, urls);

    /// <summary>
    /// As <see cref="Create(ModelServerOptions, string[])"/>; <paramref name="configureServices"/> runs last, so it can
    /// replace the <see cref="TimeProvider"/> or add logging providers.
    /// </summary>
    public static WebApplication Create(ModelServerOptions options, Action<IServiceCollection>? configureServices, params string[] urls)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        options = options with { };
        ModelServerOptionsValidator.ThrowIfInvalid(options);

        // The empty builder reads no appsettings, environment or Kestrel section: in the silo's process the host's
        // settings must not leak into the model servers, and each server gets exactly the URLs it was given.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddModelServer(options);
        configureServices?.Invoke(builder.Services);
        if (options.MeshTls != MeshTlsMode.Off)
        {
            if (!builder.Services.Any(s => s.ServiceType == typeof(IMeshServerIdentity)))
            {
                throw new OptionsValidationException(ModelServerDefaults.SectionName, typeof(ModelServerOptions),
                    [$"MeshTls {options.MeshTls} needs the server's mesh identity: register an {nameof(IMeshServerIdentity)} (the mesh CA's workload certificate), or set MeshTls Off."]);
            }

            AddPeerModes(builder.Services, options.MeshTls);
            builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureEndpointDefaults(listen => MeshTlsListener.Configure(listen, options.MeshTls)));
        }

        var app = builder.Build();
        foreach (var url in urls.Length == 0 ? [ModelServerDefaults.Url] : urls)
        {
            app.Urls.Add(url);
        }

        app.UseMiddleware<RequestLedgerMiddleware>();
        app.UseMiddleware<ModelHeadersMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.MapModelServer();
        LogAddressesOnStart(app, options);
        return app;
    }

    /// <summary>Console logging for the stand-alone server: our own events (including the bound addresses), and only warnings from the framework.</summary>
    public static void AddConsoleLogging(IServiceCollection services) =>
        services.AddLogging(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));

    // Permissive and Strict are constant; Mesh needs the host's provider (the stand-alone server's reads the mesh config).
    private static void AddPeerModes(IServiceCollection services, MeshTlsMode mode)
    {
        if (mode != MeshTlsMode.Mesh)
        {
            services.AddSingleton<IPeerModeProvider>(new FixedPeerMode(mode));
        }
        else if (!services.Any(s => s.ServiceType == typeof(IPeerModeProvider)))
        {
            throw new OptionsValidationException(ModelServerDefaults.SectionName, typeof(ModelServerOptions),
                [$"MeshTls Mesh needs the mesh's PeerAuthentication: register an {nameof(IPeerModeProvider)} (the stand-alone server reads it from the cluster), or set MeshTls Off, Permissive or Strict."]);
        }
    }

    private static void LogAddressesOnStart(WebApplication app, ModelServerOptions options)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ModelServerApp).FullName!);
        var server = app.Services.GetRequiredService<IServer>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            LogListening(logger, options.Name, options.Version, string.Join(", ", addresses));
        });
    }
}
