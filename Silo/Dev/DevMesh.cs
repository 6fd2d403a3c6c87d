using Microsoft.Extensions.Configuration.Memory;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Telemetry;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Silo.Dashboard;
using OrleansMesh.Silo.Hosting;

namespace OrleansMesh.Silo.Dev;

/// <summary>
/// <c>dotnet run --project Silo -- dev</c>: a whole mesh in one process — a silo (localhost clustering, config kept in
/// SQLite under <c>./.mesh/</c>, health, metrics and the dashboard on 127.0.0.1:15021), a gateway on 127.0.0.1:8080 (access log on
/// standard output; admin listener on 127.0.0.1:15020) and, unless <c>--no-demo</c>, three versions of the demo
/// model server with a canary, a shadow and a Rollout of v2 applied (<c>--demo-traffic</c> adds steady traffic for it). Its CA signs without workload credentials
/// (<c>RequireWorkloadCredential=false</c>, overridable by setting), so a dev gateway with identity needs no join token.
/// </summary>
internal static class DevMesh
{
    public const string NoDemoFlag = "--no-demo";

    public static async Task<int> RunAsync(string[] args)
    {
        var demo = !args.Contains(NoDemoFlag);
        var traffic = demo && args.Contains(DemoTraffic.Flag);
        var builder = WebApplication.CreateBuilder([.. args.Where(a => a != NoDemoFlag && a != DemoTraffic.Flag)]);

        // The dev mesh shows its traffic: access logs on unless a setting says otherwise (first source, lowest precedence).
        // Its CA is open, as before join tokens: the in-process gateway (Identity:Enabled) then needs no token.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData =
            [
                new(AccessLogOptions.SectionName + ":" + nameof(AccessLogOptions.Enabled), "true"),
                new(CertificateAuthorityOptions.SectionName + ":" + nameof(CertificateAuthorityOptions.RequireWorkloadCredential), "false"),
            ],
        });
        var listeners = DevMeshListeners.From(builder.Configuration);
        builder.AddMeshSilo();
        builder.AddMeshGateway();

        // The gateway's admin listener and the silo's health listener, on the ports they have as separate processes.
        builder.AddMeshGatewayAdmin();
        builder.Services.AddMeshSiloHealthChecks();
        builder.Services.AddMeshDashboard(builder.Configuration);
        builder.WebHost.UseUrls($"{builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)};{listeners.Silo}");
        builder.Services.AddSingleton(listeners);
        builder.Services.AddHostedService<DevMeshBanner>();
        if (demo)
        {
            builder.Services.AddHostedService<DemoModelServers>();
            builder.Services.AddHostedService<DemoConfigSeeder>();
        }

        if (traffic)
        {
            builder.Services.AddHostedService<DemoTraffic>();
        }

        var app = builder.Build();
        app.MapMeshGatewayAdmin();
        app.UseWhen(context => context.Connection.LocalPort == listeners.SiloPort, silo => silo.UseMeshDashboard());
        app.MapMeshSiloHealthOnPort(listeners.SiloPort);
        app.MapMeshGateway();
        await app.RunAsync();
        return 0;
    }
}
