using System.Security.Cryptography.X509Certificates;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Hosting;

namespace OrleansMesh.Deployment.Tests.Security;

/// <summary>
/// A silo process with <c>OrleansMesh__Tls__*</c> set admits only clients holding a certificate of the configured
/// CA: meshctl's path (an Orleans client configured by <see cref="MeshClusterClientBuilderExtensions.UseMeshClustering"/>)
/// with one can call the admin API; without one, or with another CA's, it cannot even connect.
/// </summary>
public sealed class TransportTlsTests : IAsyncLifetime
{
    /// <summary>
    /// How long a refused client is given. A plain client is never answered (the silo waits for a TLS handshake that
    /// does not come and drops the connection), so it runs into this; one with a foreign certificate fails at once.
    /// </summary>
    private static readonly TimeSpan RefusalBound = TimeSpan.FromSeconds(15);

    private readonly TransportCertificates _certificates = new();
    private readonly string _clusterId = "tls-" + Guid.NewGuid().ToString("N")[..8];
    private string _bundle = "";
    private X509Certificate2 _ca = null!;
    private SiloProcess _silo = null!;

    public async Task InitializeAsync()
    {
        (_bundle, _ca) = _certificates.CreateCa("mesh");
        var (certificate, key) = _certificates.Issue(_ca, "silo");
        _silo = await SiloProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["OrleansMesh__Clustering"] = MeshClusterOptions.LocalhostClustering,
                ["OrleansMesh__ClusterId"] = _clusterId,
                ["OrleansMesh__ServiceId"] = _clusterId,
                ["OrleansMesh__DataDirectory"] = Path.Combine(_certificates.Directory, "data"),
                ["OrleansMesh__Tls__Certificate"] = certificate,
                ["OrleansMesh__Tls__Key"] = key,
                ["OrleansMesh__Tls__TrustBundle"] = _bundle,
            },
            "tls-silo");
    }

    [Fact]
    public async Task ClientWithACertificateOfTheMeshCa_CallsTheAdminApi()
    {
        var (certificate, key) = _certificates.Issue(_ca, "meshctl");

        await using var client = await ClusterClient.ConnectAsync(Options(new MeshTransportTlsOptions { Certificate = certificate, Key = key, TrustBundle = _bundle }));
        var snapshot = await client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).GetSnapshotAsync();

        Assert.True(snapshot.Generation >= 0);
    }

    [Fact]
    public async Task ClientWithoutTls_IsRefused()
    {
        await AssertRefusedAsync(Options(new MeshTransportTlsOptions()));
    }

    [Fact]
    public async Task ClientWithAnotherCasCertificate_IsRefused()
    {
        var (otherBundle, other) = _certificates.CreateCa("other");
        var (certificate, key) = _certificates.Issue(other, "intruder");

        // It trusts the mesh's CA, so only the silo's check of its certificate can keep it out.
        var bundle = Path.Combine(_certificates.Directory, "both.pem");
        await File.WriteAllTextAsync(bundle, await File.ReadAllTextAsync(_bundle) + await File.ReadAllTextAsync(otherBundle));
        await AssertRefusedAsync(Options(new MeshTransportTlsOptions { Certificate = certificate, Key = key, TrustBundle = bundle }));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _ca.Dispose();
        _certificates.Dispose();
    }

    private static async Task AssertRefusedAsync(MeshClusterOptions options)
    {
        var refused = await Record.ExceptionAsync(async () =>
        {
            await using var client = await ClusterClient.ConnectAsync(options).WaitAsync(RefusalBound);
            await client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).GetSnapshotAsync().WaitAsync(RefusalBound);
        });

        // Admitted, the call would return a snapshot well within the bound (the first test's path).
        Assert.NotNull(refused);
    }

    private MeshClusterOptions Options(MeshTransportTlsOptions tls) => new()
    {
        Clustering = MeshClusterOptions.LocalhostClustering,
        ClusterId = _clusterId,
        ServiceId = _clusterId,
        GatewayPort = _silo.GatewayPort,
        SiloPort = _silo.SiloPort,
        Tls = tls,
    };
}
