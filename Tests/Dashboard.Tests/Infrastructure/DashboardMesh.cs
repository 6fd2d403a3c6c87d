using Microsoft.Playwright;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Hosting;
using OrleansMesh.Security.Admin;

namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real dev mesh (one process: silo, gateway, admin listeners) with the demo config applied against three model
/// servers, an Orleans client that acts as meshctl does, and a headless Debian chromium driven by Playwright.
/// </summary>
public abstract class DashboardMesh(string? adminToken) : IAsyncLifetime
{
    /// <summary>The system browser: eng/test.sh installs Debian's chromium when it is missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private DemoModels? _models;
    private DevMeshProcess? _mesh;
    private IHost? _client;
    private IPlaywright? _playwright;

    public string? AdminToken { get; } = adminToken;

    internal DevMeshProcess Mesh => _mesh ?? throw new InvalidOperationException("not started");

    internal DemoModels Models => _models ?? throw new InvalidOperationException("not started");

    /// <summary>A cluster client that sends the admin token with admin calls, as meshctl does.</summary>
    public IGrainFactory Grains => _client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("not started");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium (eng/test.sh does it)");
        _models = await DemoModels.StartAsync();
        _mesh = await DevMeshProcess.StartAsync(AdminToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client.UseMeshClustering(new MeshClusterOptions
        {
            Clustering = MeshClusterOptions.LocalhostClustering,
            SiloPort = _mesh.SiloPort,
            GatewayPort = _mesh.GatewayPort,
        }));
        builder.Services.AddMeshAdminToken(AdminToken, enforce: false);
        _client = builder.Build();
        await _client.StartAsync();

        var loaded = MeshConfigLoader.Load(_models.DemoConfig(), "mesh-demo.yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var applied = await Grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(new ApplyRequest { Resources = loaded.Resources });
        Assert.True(applied.Succeeded, string.Join(Environment.NewLine, applied.Diagnostics));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A page in a fresh browser context (no cookies) at the dashboard, waiting for its first live render.</summary>
    public async Task<IPage> OpenDashboardAsync(IBrowserContext? context = null)
    {
        context ??= await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Mesh.Dashboard.ToString());
        await page.WaitForSelectorAsync("[data-node='gateways']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return page;
    }

    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        if (_mesh is not null)
        {
            await _mesh.DisposeAsync();
        }

        if (_models is not null)
        {
            await _models.DisposeAsync();
        }
    }
}
