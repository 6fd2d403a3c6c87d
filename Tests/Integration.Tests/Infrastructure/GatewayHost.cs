using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Snapshot;

namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>A real gateway (Kestrel on 127.0.0.1, random port) wired to a cluster's grains.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GatewayHost> StartAsync(IGrainFactory grains, Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(grains);
        builder.AddMeshGateway();
        var app = builder.Build();
        app.MapMeshGateway();
        await app.StartAsync();
        // A gateway answers 503 until its first snapshot arrives; tests start from a gateway that has one.
        var store = app.Services.GetRequiredService<GatewaySnapshotStore>();
        await Eventually.TrueAsync(() => store.IsLoaded, "the gateway receiving its first config");
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GatewayHost(app, new Uri(address));
    }

    /// <summary>Sends a GET with the given Host header (the mesh routes by it).</summary>
    public Task<HttpResponseMessage> GetAsync(string host, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
