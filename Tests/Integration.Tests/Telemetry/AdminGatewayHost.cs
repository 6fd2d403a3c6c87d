using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>A real gateway as Program.cs builds it (proxy and admin listeners on 127.0.0.1), wired to a cluster's grains.</summary>
internal sealed class AdminGatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminGatewayHost(WebApplication app, Uri proxy, Uri admin)
    {
        _app = app;
        Proxy = new HttpClient { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(30) };
        Admin = new HttpClient { BaseAddress = admin, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Proxy { get; }

    public HttpClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<AdminGatewayHost> StartAsync(IGrainFactory grains, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var admin = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
            ["OrleansMesh:Gateway:AdminUrls"] = admin.ToString().TrimEnd('/'),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(grains);
        builder.AddMeshGateway();
        builder.AddMeshGatewayAdmin();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMeshGatewayAdmin();
        app.MapMeshGateway();
        await app.StartAsync();
        var store = app.Services.GetRequiredService<GatewaySnapshotStore>();
        await Eventually.TrueAsync(() => store.IsLoaded, "the gateway receiving its first config");
        var proxy = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .Single(a => a.Port != admin.Port);
        return new AdminGatewayHost(app, proxy, admin);
    }

    /// <summary>Scrapes <c>/metrics</c> on the admin port.</summary>
    public async Task<PrometheusScrape> ScrapeAsync()
    {
        using var response = await Admin.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Scrapes until <paramref name="condition"/> holds (what the gateway does asynchronously, like a push), up to 10 s.</summary>
    public async Task<PrometheusScrape> ScrapeUntilAsync(Func<PrometheusScrape, bool> condition, string what)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var scrape = await ScrapeAsync();
        while (!condition(scrape) && elapsed.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
            scrape = await ScrapeAsync();
        }

        Assert.True(condition(scrape), $"{what} did not happen within 10 s");
        return scrape;
    }

    public async ValueTask DisposeAsync()
    {
        Proxy.Dispose();
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
