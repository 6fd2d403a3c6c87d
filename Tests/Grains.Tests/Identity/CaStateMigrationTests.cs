using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>A CA whose state was stored before join tokens (no HMAC secret, no token records) keeps its key and records and gains a secret.</summary>
[Collection(MeshClusterCollection.Name)]
public sealed class CaStateMigrationTests(MeshClusterFixture fixture)
{
    [Fact]
    public async Task Activation_StateWithoutJoinTokenSecret_KeepsItsRootAndRecordsAndGainsASecret()
    {
        var (ca, storage, oldState) = await StoreOldStateAsync();

        var bundle = await ca.GetTrustBundleAsync();

        Assert.Equal(oldState.CaCertificatePem, bundle.RootsPem);
        Assert.Equal(["4F00000000000000000000000000000A"], (await ca.ListIssuedAsync()).Select(c => c.SerialNumber).ToArray());
        var stored = new GrainState<CertificateAuthorityState>(new CertificateAuthorityState());
        await storage.ReadStateAsync("ca", ca.GetGrainId(), stored);
        Assert.Equal(32, stored.State!.JoinTokenSecret?.Length);
        Assert.Equal(oldState.KeyPkcs8, stored.State.KeyPkcs8);
    }

    [Fact]
    public async Task SignAsync_MigratedStateAndANewJoinToken_Signed()
    {
        var (ca, _, _) = await StoreOldStateAsync();
        var token = await ca.CreateJoinTokenAsync("default", "reviews", null);

        var signed = await ca.SignAsync(TestCsrs.Valid() with { JoinToken = token.Token });

        Assert.NotEmpty(signed.SerialNumber);
    }

    private async Task<(ICertificateAuthorityGrain Ca, IGrainStorage Storage, CertificateAuthorityState State)> StoreOldStateAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var root = CaBootstrap.CreateRoot("cluster.local", now.AddMinutes(-5), TimeSpan.FromDays(3650));
        using var key = root.GetECDsaPrivateKey()!;
        var old = new CertificateAuthorityState
        {
            KeyPkcs8 = key.ExportPkcs8PrivateKey(),
            CaCertificatePem = root.ExportCertificatePem(),
            Issued =
            {
                ["4F00000000000000000000000000000A"] = new IssuedCertificate
                {
                    SerialNumber = "4F00000000000000000000000000000A",
                    SpiffeId = TestCsrs.Id,
                    NotBefore = now,
                    NotAfter = now.AddHours(1),
                },
            },
            JoinTokenSecret = null,
            JoinTokens = null,
        };
        var ca = fixture.Client.GetGrain<ICertificateAuthorityGrain>($"migrated-{Guid.NewGuid():N}");
        var storage = fixture.Cluster.Silos[0].SiloHost!.Services.GetRequiredKeyedService<IGrainStorage>(MeshStorage.Name);
        await storage.WriteStateAsync("ca", ca.GetGrainId(), new GrainState<CertificateAuthorityState>(old));
        return (ca, storage, old);
    }
}
