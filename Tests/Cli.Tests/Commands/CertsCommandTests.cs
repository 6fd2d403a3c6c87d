using OrleansMesh.Security.Identity;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class CertsCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private ICertificateAuthorityGrain Ca => Cluster.Grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task CertsList_IssuedCertificate_ShownWithIdentityAndStatus()
    {
        var signed = await SignAsync("list-me");

        var result = await RunAsync("certs", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["SERIAL", "IDENTITY", "NOT", "AFTER", "STATUS"], result.OutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Assert.Single(result.OutLines, l => l.StartsWith(signed.SerialNumber, StringComparison.Ordinal));
        Assert.Equal(
            [signed.SerialNumber, "spiffe://cluster.local/ns/default/sa/list-me", signed.NotAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "Valid"],
            row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task CertsRevoke_IssuedSerial_RevokedAndListedSo()
    {
        var signed = await SignAsync("revoke-me");

        var result = await RunAsync("certs", "revoke", signed.SerialNumber.ToLowerInvariant());

        Assert.Equal((0, $"certificate {signed.SerialNumber} revoked"), (result.ExitCode, result.Out.Trim()));
        Assert.Contains(signed.SerialNumber, await Ca.GetRevokedAsync());
        Assert.EndsWith("Revoked", (await RunAsync("certs", "list")).OutLines.Single(l => l.StartsWith(signed.SerialNumber, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertsRevoke_UnknownSerial_ConfigErrorNamingIt()
    {
        var result = await RunAsync("certs", "revoke", "7F00");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no unexpired certificate has serial 7F00; see 'meshctl certs list'", result.Error.Trim());
    }

    private async Task<SignedCertificate> SignAsync(string serviceAccount)
    {
        var id = SpiffeId.Create("cluster.local", "default", serviceAccount);
        var (key, csr) = WorkloadCsr.Create(id);
        key.Dispose();
        var token = await Ca.CreateJoinTokenAsync("default", serviceAccount, null);
        return await Ca.SignAsync(new CertificateSigningRequest { Csr = csr, SpiffeId = id.ToString(), JoinToken = token.Token });
    }
}
