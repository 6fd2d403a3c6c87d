using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Hosting;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Deployment.Tests.Security;

/// <summary>
/// The stand-alone demo model server in <c>ModelServer__MeshTls=Mesh</c> enforces the PeerAuthentication the mesh holds
/// for its namespace and labels, and follows changes applied through the config grain.
/// </summary>
public sealed class PeerAuthenticationTests : IAsyncLifetime
{
    private const string Model = "chat-model";
    private const string Namespace = "models";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly string _clusterId = "pa-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _data = Directory.CreateTempSubdirectory("orleansmesh-pa-").FullName;
    private SiloProcess _silo = null!;
    private ClusterClient _client = null!;
    private WorkloadIdentity _caller = null!;

    public async Task InitializeAsync()
    {
        _silo = await SiloProcess.StartAsync(Cluster(), "peer-auth-silo");
        _client = await ClusterClient.ConnectAsync(new MeshClusterOptions
        {
            Clustering = MeshClusterOptions.LocalhostClustering,
            ClusterId = _clusterId,
            ServiceId = _clusterId,
            GatewayPort = _silo.GatewayPort,
            SiloPort = _silo.SiloPort,
        });
        _caller = new WorkloadIdentity(_client.Client, new WorkloadIdentityOptions { Namespace = "istio-system", ServiceAccount = "tester" }, TimeProvider.System);
        await _caller.StartAsync();
    }

    [Fact]
    public async Task MeshModeServer_FollowsNamespaceThenWorkloadPeerAuthentication()
    {
        await using var server = ModelServerProcess.Launch(Model, "v1", environment: ServerEnvironment());

        await UntilAsync(server, "no PeerAuthentication (PERMISSIVE): plain text served", async () => await PlainAsync(server) == HttpStatusCode.OK);

        await ApplyAsync(Policy("default", selector: null, "STRICT"));
        await UntilAsync(server, "namespace-wide STRICT: plain text refused, mesh client served", async () =>
            await PlainAsync(server) is null && await MeshAsync(server) == HttpStatusCode.OK);

        await ApplyAsync(Policy(Model, selector: Model, "PERMISSIVE"));
        await UntilAsync(server, "workload PERMISSIVE over namespace STRICT: plain text served", async () => await PlainAsync(server) == HttpStatusCode.OK);

        await ApplyAsync(Policy(Model, selector: Model, "DISABLE"));
        await UntilAsync(server, "workload DISABLE: mesh client refused, plain text served", async () =>
            await MeshAsync(server) is null && await PlainAsync(server) == HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _client.DisposeAsync();
        await _silo.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private static string Policy(string name, string? selector, string mode) => $"""
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: {name}
          namespace: {Namespace}
        spec:
        {(selector is null ? "" : $"  selector:\n    matchLabels:\n      app: {selector}\n")}  mtls:
            mode: {mode}
        """;

    private async Task ApplyAsync(string yaml)
    {
        var loaded = MeshConfigLoader.Load(yaml, "peer-authentication.yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var result = await _client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey)
            .ApplyAsync(new ApplyRequest { Resources = loaded.Resources })
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
    }

    // Each probe opens a new connection, so it gets the mode in force now; the bound covers the server's start, its
    // first read of the mesh, its certificate and one poll interval after each change.
    private static async Task UntilAsync(ModelServerProcess server, string what, Func<Task<bool>> condition)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(start) < Bound && !server.Process.HasExited)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"not reached within {Bound.TotalSeconds} s: {what}{Environment.NewLine}{server.Process.Output}");
    }

    private static async Task<HttpStatusCode?> PlainAsync(ModelServerProcess server)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await TryGetAsync(client, $"http://127.0.0.1:{server.Port}/healthz");
    }

    private async Task<HttpStatusCode?> MeshAsync(ModelServerProcess server)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = new X509CertificateCollection { _caller.Current! },
                RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                    certificate is X509Certificate2 leaf && _caller.Trust.Verify(leaf, chain?.ChainPolicy.ExtraStore).Accepted,
            },
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        return await TryGetAsync(client, $"https://127.0.0.1:{server.Port}/healthz");
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient client, string url)
    {
        try
        {
            using var response = await client.GetAsync(url);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private Dictionary<string, string> ServerEnvironment()
    {
        var environment = Cluster();
        environment["OrleansMesh__GatewayPort"] = _silo.GatewayPort.ToString(CultureInfo.InvariantCulture);
        environment["OrleansMesh__SiloPort"] = _silo.SiloPort.ToString(CultureInfo.InvariantCulture);
        environment["ModelServer__MeshTls"] = "Mesh";
        environment["ModelServer__Namespace"] = Namespace;
        environment["ModelServer__PeerAuthenticationPollInterval"] = "00:00:00.500";
        return environment;
    }

    private Dictionary<string, string> Cluster() => new()
    {
        ["OrleansMesh__Clustering"] = MeshClusterOptions.LocalhostClustering,
        ["OrleansMesh__ClusterId"] = _clusterId,
        ["OrleansMesh__ServiceId"] = _clusterId,
        ["OrleansMesh__DataDirectory"] = _data,
    };
}
