using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Security;
using OrleansMesh.Security;

namespace OrleansMesh.ModelServer.Tests.Security;

/// <summary>
/// A server in MeshTls Mesh takes each new connection in the mode its <see cref="MeshPeerAuthentication"/> holds,
/// seen from a plain-text client (the server here holds no mesh certificate; the TLS side is covered with the mesh CA
/// in Integration.Tests and Deployment.Tests).
/// </summary>
public sealed class MeshModeListenerTests : IAsyncLifetime
{
    private readonly MeshPeerAuthentication _mode = new(NullLogger<MeshPeerAuthentication>.Instance);
    private WebApplication _server = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        _server = ModelServerApp.Create(
            new ModelServerOptions { MeshTls = MeshTlsMode.Mesh },
            services => services
                .AddSingleton<IMeshServerIdentity>(new WorkloadServerIdentity())
                .AddSingleton<IPeerModeProvider>(_mode),
            "http://127.0.0.1:0");
        await _server.StartAsync();
        _port = new Uri(_server.Urls.Single()).Port;
    }

    [Fact]
    public async Task PlainClient_BeforeFirstRead_Refused()
    {
        Assert.Null(await PlainGetAsync());
    }

    [Fact]
    public async Task PlainClient_MeshSaysPermissive_Served()
    {
        _mode.Update(new EffectivePeerAuthentication { Mode = MutualTlsMode.Permissive });

        Assert.Equal(HttpStatusCode.OK, await PlainGetAsync());
    }

    [Fact]
    public async Task PlainClient_MeshSaysDisable_Served()
    {
        _mode.Update(new EffectivePeerAuthentication { Mode = MutualTlsMode.Disable });

        Assert.Equal(HttpStatusCode.OK, await PlainGetAsync());
    }

    [Fact]
    public async Task PlainClient_PermissiveThenStrict_NextConnectionRefused()
    {
        _mode.Update(new EffectivePeerAuthentication { Mode = MutualTlsMode.Permissive });
        Assert.Equal(HttpStatusCode.OK, await PlainGetAsync());

        _mode.Update(new EffectivePeerAuthentication { Mode = MutualTlsMode.Strict });

        Assert.Null(await PlainGetAsync());
    }

    [Fact]
    public async Task PlainClient_StrictButPortDisable_Served()
    {
        _mode.Update(new EffectivePeerAuthentication
        {
            Mode = MutualTlsMode.Strict,
            PortModes = ImmutableDictionary<int, MutualTlsMode>.Empty.Add(_port, MutualTlsMode.Disable),
        });

        Assert.Equal(HttpStatusCode.OK, await PlainGetAsync());
    }

    [Fact]
    public void Create_MeshWithoutPeerModeProvider_ThrowsNamingTheService()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ModelServerApp.Create(
            new ModelServerOptions { MeshTls = MeshTlsMode.Mesh },
            services => services.AddSingleton<IMeshServerIdentity>(new WorkloadServerIdentity()),
            "http://127.0.0.1:0"));

        Assert.Contains(nameof(IPeerModeProvider), error.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    // A new client per call: a new connection, so the mode in force now applies.
    private async Task<HttpStatusCode?> PlainGetAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{_port}/healthz");
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
