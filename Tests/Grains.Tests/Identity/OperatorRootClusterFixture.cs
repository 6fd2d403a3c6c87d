using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Grains.Tests.Storage;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>One silo whose mesh CA is an intermediate under an operator root, given as PEM files, in trust domain "corp.example".</summary>
public sealed class OperatorRootClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _files = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public string OperatorRootPem { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var root = CaBootstrap.CreateRoot("corp.example", TimeProvider.System.GetUtcNow().AddDays(-1), TimeSpan.FromDays(3650));
        OperatorRootPem = root.ExportCertificatePem();
        var certificateFile = Path.Combine(_files.Path, "root.pem");
        var keyFile = Path.Combine(_files.Path, "root-key.pem");
        await File.WriteAllTextAsync(certificateFile, OperatorRootPem);
        await File.WriteAllTextAsync(keyFile, root.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMeshMemoryGrainStorage();
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.Configure<CertificateAuthorityOptions>(o =>
            {
                o.TrustDomain = "corp.example";
                o.OperatorRootCertificateFile = certificateFile;
                o.OperatorRootKeyFile = keyFile;
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is { } cluster)
        {
            await cluster.DisposeAsync();
        }

        _files.Dispose();
    }
}
