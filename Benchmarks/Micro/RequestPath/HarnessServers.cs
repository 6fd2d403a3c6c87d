using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Networking;
using Yarp.ReverseProxy.Configuration;

namespace OrleansMesh.Benchmarks.RequestPath;

/// <summary>
/// The three servers of the load benchmark in one process, each on 127.0.0.1: the fixed-body backend, plain YARP with
/// one catch-all route, and the mesh gateway wired as <c>Gateway/Program.cs</c> wires it, serving one ServiceEntry, a route on the
/// model named in the body (<c>x-mesh-model</c>) and a <c>uri prefix /v1/</c> route to it, as the load benchmark's YAML does.
/// </summary>
internal static class HarnessServers
{
    public const string Host = "backend.bench.local";

    /// <summary>The model the chat workload names in its body; the mesh routes it by the <c>by-model</c> route.</summary>
    public const string Model = "bench-model";

    private static readonly byte[] s_body =
        """{"id":"cmpl-bench","object":"chat.completion","model":"bench-model","choices":[{"index":0,"text":"ok"}]}"""u8.ToArray();

    public static async Task<(WebApplication App, Uri Address)> StartBackendAsync(bool logging)
    {
        var builder = WebApplication.CreateSlimBuilder();
        ConfigureLogging(builder, logging);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(static context =>
        {
            var response = context.Response;
            response.ContentType = "application/json";
            response.ContentLength = s_body.Length;
            return response.Body.WriteAsync(s_body, context.RequestAborted).AsTask();
        });
        return (app, await StartAsync(app));
    }

    public static async Task<(WebApplication App, Uri Address)> StartYarpAsync(Uri backend, bool logging)
    {
        var builder = WebApplication.CreateBuilder();
        ConfigureLogging(builder, logging);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "{**catch-all}" } }],
            [new ClusterConfig { ClusterId = "backend", Destinations = new Dictionary<string, DestinationConfig> { ["d1"] = new() { Address = backend.ToString() } } }]);
        var app = builder.Build();
        app.MapReverseProxy();
        return (app, await StartAsync(app));
    }

    /// <param name="backend">The backend's address.</param>
    /// <param name="environment">The host environment: <c>Production</c> as in the load benchmark (access log off), <c>Development</c> turns the access log on.</param>
    /// <param name="settings">Extra configuration, e.g. <c>OrleansMesh:Gateway:Telemetry:Tracing</c>.</param>
    /// <param name="logging">Whether the host keeps its default logger providers (see <see cref="ConfigureLogging"/>).</param>
    /// <param name="timeouts">Whether the routes have a timeout and retries with a per-try timeout.</param>
    public static async Task<(WebApplication App, Uri Address)> StartMeshAsync(Uri backend, string environment, IReadOnlyDictionary<string, string?> settings, bool logging, bool timeouts = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        ConfigureLogging(builder, logging);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
            [$"{MeshGatewayAdminOptions.SectionName}:{nameof(MeshGatewayAdminOptions.AdminUrls)}"] = $"http://127.0.0.1:{FreePort()}",
            ["OrleansMesh:Gateway:AccessLog:Path"] = Path.Combine(Path.GetTempPath(), $"orleansmesh-alloc-access-{Environment.ProcessId}.log"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(UnreachableGrainFactory.Create());
        builder.AddMeshGateway();
        builder.AddMeshGatewayAdmin();
        var app = builder.Build();
        app.MapMeshGatewayAdmin();
        app.MapMeshGateway();
        var address = await StartAsync(app);
        var compiled = app.Services.GetRequiredService<GatewaySnapshotCompiler>().Compile(Mesh(backend, timeouts), ImmutableDictionary<string, string>.Empty.Add("istio", "ingressgateway"));
        app.Services.GetRequiredService<GatewaySnapshotStore>().Swap(compiled.Snapshot);
        compiled.Commit();
        return (app, address);
    }

    /// <summary>
    /// Without <paramref name="logging"/>, no logger provider: what the request path allocates by itself. With it, the
    /// host's default providers as a deployed process has them, where ASP.NET Core's hosting logger being on makes a
    /// span per request unless the app turns that logger off.
    /// </summary>
    private static void ConfigureLogging(WebApplicationBuilder builder, bool logging)
    {
        if (!logging)
        {
            builder.Logging.ClearProviders();
        }
    }

    private static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First(a => !a.EndsWith(":15020", StringComparison.Ordinal)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // What `meshctl apply` of the load benchmark's ServiceEntry and VirtualService becomes in the control plane; with
    // timeouts, its routes have BENCH_FEATURES=all's timeout and retries (Benchmarks/Load/mesh-config.sh).
    private static MeshSnapshot Mesh(Uri backend, bool timeouts)
    {
        var timeout = timeouts ? TimeSpan.FromSeconds(30) : (TimeSpan?)null;
        var retries = timeouts ? new HttpRetry { Attempts = 2, PerTryTimeout = TimeSpan.FromSeconds(10) } : null;
        return new()
        {
            Generation = 1,
            Tables =
            [
                new RouteTable
                {
                    Host = Host,
                    Generation = 1,
                    Service = new ServiceDefinition
                    {
                        Host = Host,
                        Ports = [new ServicePort { Number = 80, Name = "http", Protocol = "HTTP" }],
                        Endpoints = [new WorkloadEntrySpec { Address = "127.0.0.1", Ports = ImmutableDictionary<string, uint>.Empty.Add("http", (uint)backend.Port) }],
                    },
                    VirtualServices =
                    [
                        new VirtualService
                        {
                            Metadata = new ResourceMetadata { Name = "bench-backend", Namespace = "default" },
                            Spec = new VirtualServiceSpec
                            {
                                Hosts = [Host],
                                Http =
                                [
                                    new HttpRoute
                                    {
                                        Name = "by-model",
                                        Match = [new HttpMatchRequest { Headers = ImmutableDictionary<string, StringMatch>.Empty.Add("x-mesh-model", StringMatch.Exact(Model)) }],
                                        Route = [new HttpRouteDestination { Destination = new Destination { Host = Host } }],
                                        Timeout = timeout,
                                        Retries = retries,
                                    },
                                    new HttpRoute
                                    {
                                        Name = "bench",
                                        Match = [new HttpMatchRequest { Uri = StringMatch.Prefix("/v1/") }],
                                        Route = [new HttpRouteDestination { Destination = new Destination { Host = Host } }],
                                        Timeout = timeout,
                                        Retries = retries,
                                    },
                                ],
                            },
                        },
                    ],
                },
            ],
        };
    }
}
