using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Hosting;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Deployment.Tests.Security;

/// <summary>
/// The stand-alone demo model server in STRICT mesh TLS gets its own certificate from the mesh CA (it joins the cluster
/// as gateways do) and then serves only clients holding a mesh certificate.
/// </summary>
public sealed class ModelServerIdentityTests : IAsyncLifetime
{
    private static readonly TimeSpan ServingBound = TimeSpan.FromSeconds(60);

    private readonly string _clusterId = "ms-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _data = Directory.CreateTempSubdirectory("orleansmesh-ms-").FullName;
    private SiloProcess _silo = null!;
    private ClusterClient _client = null!;
    private WorkloadIdentity _caller = null!;

    public async Task InitializeAsync()
    {
        _silo = await SiloProcess.StartAsync(Cluster(), "identity-silo");
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
    public async Task StrictModelServer_GetsItsOwnCertificateAndServesMeshClientsOnly()
    {
        var environment = Cluster();
        environment["OrleansMesh__GatewayPort"] = _silo.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["OrleansMesh__SiloPort"] = _silo.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["ModelServer__MeshTls"] = "Strict";
        environment["ModelServer__Namespace"] = "models";
        environment["ModelServer__ServiceAccount"] = "chat-model";
        await using var server = ModelServerProcess.Launch("chat-model", "v1", environment: environment);
        var url = $"https://127.0.0.1:{server.Port}/healthz";
        X509Certificate2? presented = null;
        using var mesh = Client(_caller.Current, (certificate, chain) =>
        {
            presented = certificate;
            return _caller.Trust.Verify(certificate, chain?.ChainPolicy.ExtraStore).Accepted;
        });

        var status = await ServedAsync(mesh, url, server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("spiffe://cluster.local/ns/models/sa/chat-model", SubjectAltNames.SpiffeIdOf(presented!)?.ToString());
        using var anonymous = Client(null, (_, _) => true);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.GetAsync(url));
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync($"http://127.0.0.1:{server.Port}/healthz"));
    }

    public async Task DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _client.DisposeAsync();
        await _silo.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    // Polls until the server holds its certificate (it asks the CA after it starts); a handshake fails until then.
    private static async Task<HttpStatusCode?> ServedAsync(HttpClient client, string url, ModelServerProcess server)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(start) < ServingBound && !server.Process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(url);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Fail($"the model server never served over mesh TLS:{Environment.NewLine}{server.Process.Output}");
        return null;
    }

    private static HttpClient Client(X509Certificate2? certificate, Func<X509Certificate2, X509Chain?, bool> verifyServer) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
            RemoteCertificateValidationCallback = (_, server, chain, _) => server is X509Certificate2 leaf && verifyServer(leaf, chain),
        },
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private Dictionary<string, string> Cluster() => new()
    {
        ["OrleansMesh__Clustering"] = MeshClusterOptions.LocalhostClustering,
        ["OrleansMesh__ClusterId"] = _clusterId,
        ["OrleansMesh__ServiceId"] = _clusterId,
        ["OrleansMesh__DataDirectory"] = _data,
    };
}
