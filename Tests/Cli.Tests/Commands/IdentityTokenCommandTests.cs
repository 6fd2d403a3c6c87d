using System.Globalization;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Cli.Tests.Commands;

[Collection(MeshClusterCollection.Name)]
public sealed class IdentityTokenCommandTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    private ICertificateAuthorityGrain Ca => Cluster.Grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task TokenCreate_NamespaceAndServiceAccount_PrintsOnlyATokenTheCaAccepts()
    {
        var result = await RunAsync("identity", "token", "create", "--namespace", "models", "--service-account", "cli-model");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var token = Assert.Single(result.OutLines);
        var id = SpiffeId.Create("cluster.local", "models", "cli-model");
        var (key, csr) = WorkloadCsr.Create(id);
        key.Dispose();
        var signed = await Ca.SignAsync(new CertificateSigningRequest { Csr = csr, SpiffeId = id.ToString(), JoinToken = token });
        Assert.NotEmpty(signed.SerialNumber);
    }

    [Fact]
    public async Task TokenCreate_Ttl_ExpiresThen()
    {
        var before = TimeProvider.System.GetUtcNow();

        var result = await RunAsync("identity", "token", "create", "-n", "models", "-s", "short-lived", "--ttl", "2h");

        Assert.Equal(0, result.ExitCode);
        var listed = (await Ca.ListJoinTokensAsync()).Single(t => t.ServiceAccount == "short-lived");
        Assert.InRange(listed.ExpiresAt, before.AddHours(2).AddSeconds(-1), TimeProvider.System.GetUtcNow().AddHours(2));
    }

    [Theory]
    [InlineData("24", "'24' is not a lifetime; write a positive whole number and s, m, h or d, e.g. 24h or 7d")]
    [InlineData("0h", "'0h' is not a lifetime; write a positive whole number and s, m, h or d, e.g. 24h or 7d")]
    [InlineData("400d", "Join token refused: the TTL must be positive and at most 365.00:00:00 (OrleansMesh:CertificateAuthority:MaxJoinTokenTtl); it is 400.00:00:00.")]
    public async Task TokenCreate_BadTtl_ConfigError(string ttl, string message)
    {
        var result = await RunAsync("identity", "token", "create", "-n", "models", "-s", "bad-ttl", "--ttl", ttl);

        Assert.Equal((1, $"error: {message}"), (result.ExitCode, result.Error.Trim()));
    }

    [Fact]
    public async Task TokenCreate_InvalidServiceAccount_ConfigErrorWithoutCallingTheMesh()
    {
        var result = await RunAsync("identity", "token", "create", "-n", "models", "-s", "a/b");

        Assert.Equal(
            (1, "error: namespace 'models' and service account 'a/b' must be non-empty and use only letters, digits, '.', '-' and '_'"),
            (result.ExitCode, result.Error.Trim()));
    }

    [Fact]
    public async Task TokenCreate_NoServiceAccount_UsageError()
    {
        var result = await RunAsync("identity", "token", "create", "-n", "models");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--service-account", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenList_CreatedToken_ShownWithIdentityExpiryAndStatusButNotTheToken()
    {
        var created = await Ca.CreateJoinTokenAsync("models", "listed-model", TimeSpan.FromHours(3));

        var result = await RunAsync("identity", "token", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["ID", "NAMESPACE", "SERVICE-ACCOUNT", "EXPIRES", "STATUS"], result.OutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Assert.Single(result.OutLines, l => l.StartsWith(created.Info.Id, StringComparison.Ordinal));
        Assert.Equal(
            [created.Info.Id, "models", "listed-model", created.Info.ExpiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "Valid"],
            row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(JoinTokenFormat.Prefix, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenRevoke_CreatedId_RevokedAndRefusedByTheCa()
    {
        var created = await Ca.CreateJoinTokenAsync("models", "revoked-model", null);

        var result = await RunAsync("identity", "token", "revoke", created.Info.Id.ToUpperInvariant());

        Assert.Equal((0, $"join token {created.Info.Id} revoked"), (result.ExitCode, result.Out.Trim()));
        Assert.EndsWith("Revoked", (await RunAsync("identity", "token", "list")).OutLines.Single(l => l.StartsWith(created.Info.Id, StringComparison.Ordinal)), StringComparison.Ordinal);
        var id = SpiffeId.Create("cluster.local", "models", "revoked-model");
        var (key, csr) = WorkloadCsr.Create(id);
        key.Dispose();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Ca.SignAsync(new CertificateSigningRequest { Csr = csr, SpiffeId = id.ToString(), JoinToken = created.Token }));
    }

    [Fact]
    public async Task TokenRevoke_UnknownId_ConfigErrorNamingIt()
    {
        var result = await RunAsync("identity", "token", "revoke", "00000000deadbeef");

        Assert.Equal((1, "error: no unexpired join token has id 00000000deadbeef; see 'meshctl identity token list'"), (result.ExitCode, result.Error.Trim()));
    }
}
