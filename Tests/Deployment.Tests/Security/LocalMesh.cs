using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Hosting;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Deployment.Tests.Security;

/// <summary>
/// One silo process on localhost clustering (SQLite under a temporary directory), a cluster client, and a caller
/// holding a mesh workload certificate (<c>spiffe://cluster.local/ns/istio-system/sa/tester</c>): what a test of a
/// stand-alone workload process needs around it.
/// </summary>
internal sealed class LocalMesh : IAsyncDisposable
{
    private readonly string _clusterId = "local-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _data = Directory.CreateTempSubdirectory("orleansmesh-local-").FullName;

    private LocalMesh()
    {
    }

    public SiloProcess Silo { get; private set; } = null!;

    public ClusterClient Client { get; private set; } = null!;

    /// <summary>The test's own mesh identity, for mTLS calls to workloads.</summary>
    public WorkloadIdentity Caller { get; private set; } = null!;

    public static async Task<LocalMesh> StartAsync(string siloName)
    {
        var mesh = new LocalMesh();
        try
        {
            mesh.Silo = await SiloProcess.StartAsync(mesh.ClusterSettings(), siloName);
            mesh.Client = await ClusterClient.ConnectAsync(new MeshClusterOptions
            {
                Clustering = MeshClusterOptions.LocalhostClustering,
                ClusterId = mesh._clusterId,
                ServiceId = mesh._clusterId,
                GatewayPort = mesh.Silo.GatewayPort,
                SiloPort = mesh.Silo.SiloPort,
            });
            mesh.Caller = new WorkloadIdentity(
                mesh.Client.Client,
                new WorkloadIdentityOptions { Namespace = "istio-system", ServiceAccount = "tester", JoinToken = await mesh.JoinTokenAsync("istio-system", "tester") },
                TimeProvider.System);
            await mesh.Caller.StartAsync();
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    /// <summary>A join token for a workload of this mesh, minted through the CA grain as <c>meshctl identity token create</c> does.</summary>
    public async Task<string> JoinTokenAsync(string @namespace, string serviceAccount) =>
        (await Client.Client.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey).CreateJoinTokenAsync(@namespace, serviceAccount, null)).Token;

    /// <summary>The <c>OrleansMesh__*</c> settings with which another process joins this cluster as a client.</summary>
    public Dictionary<string, string> ClientEnvironment()
    {
        var environment = ClusterSettings();
        environment["OrleansMesh__GatewayPort"] = Silo.GatewayPort.ToString(CultureInfo.InvariantCulture);
        environment["OrleansMesh__SiloPort"] = Silo.SiloPort.ToString(CultureInfo.InvariantCulture);
        return environment;
    }

    /// <summary>An HTTP client presenting <see cref="Caller"/>'s certificate and verifying the server against the mesh's roots.</summary>
    public HttpClient MeshClient(Action<X509Certificate2>? serverCertificate = null) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificates = new X509CertificateCollection { Caller.Current! },
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                if (certificate is not X509Certificate2 leaf)
                {
                    return false;
                }

                serverCertificate?.Invoke(leaf);
                return Caller.Trust.Verify(leaf, chain?.ChainPolicy.ExtraStore).Accepted;
            },
        },
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The status of a GET, or null when no answer came (refused, reset, TLS failure).</summary>
    public static async Task<HttpStatusCode?> TryGetAsync(HttpClient client, string url)
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

    public async ValueTask DisposeAsync()
    {
        if (Caller is not null)
        {
            await Caller.DisposeAsync();
        }

        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    private Dictionary<string, string> ClusterSettings() => new()
    {
        ["OrleansMesh__Clustering"] = MeshClusterOptions.LocalhostClustering,
        ["OrleansMesh__ClusterId"] = _clusterId,
        ["OrleansMesh__ServiceId"] = _clusterId,
        ["OrleansMesh__DataDirectory"] = _data,
    };
}
