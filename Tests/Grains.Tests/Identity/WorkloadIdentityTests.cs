using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Grains.Tests.Storage;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>The workload side against the real CA grain; renewal is driven by a fake clock, not by waiting.</summary>
[Collection(MeshClusterCollection.Name)]
public sealed class WorkloadIdentityTests(MeshClusterFixture fixture) : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    // Starts at the real time: the CA stamps certificates with the silo's clock.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly TempDirectory _files = new();

    private ICertificateAuthorityGrain Ca => fixture.Client.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task StartAsync_FirstCertificate_HasItsKeyAndTheCaTrustDomain()
    {
        await using var identity = await CreateAsync("first");

        await identity.StartAsync();

        Assert.True(identity.Current!.HasPrivateKey);
        Assert.Equal("spiffe://cluster.local/ns/tests/sa/first", identity.CurrentIssued!.Identity.ToString());
        Assert.Equal("cluster.local", identity.Trust.TrustDomain);
    }

    [Fact]
    public async Task StartAsync_NoJoinToken_RefusedNamingTheTokenCommand()
    {
        await using var identity = new WorkloadIdentity(fixture.Client, Options("tokenless"), _time);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => identity.StartAsync());

        Assert.Contains("meshctl identity token create --namespace tests --service-account tokenless", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renewal_AfterHalfLifetimeWithJitter_SwapsInANewCertificate()
    {
        await using var identity = await CreateAsync("renewing");
        await identity.StartAsync();
        var first = identity.CurrentIssued!.SerialNumber;
        X509Certificate2? currentWhenRenewed = null;
        identity.Renewed += _ => currentWhenRenewed ??= identity.Current;

        var next = await RenewAsync(identity);

        // Read as the renewal is announced: the CA dates certificates by the silo's clock, which this test's advanced
        // clock is ahead of, so the new certificate is due for renewal at once and may be replaced before a later read.
        Assert.NotEqual(first, next.SerialNumber);
        Assert.Same(next.Certificate, currentWhenRenewed);
    }

    [Fact]
    public async Task Renewal_JoinTokenRevokedAfterFirstCertificate_RenewsWithTheProof()
    {
        var token = await Ca.CreateJoinTokenAsync("tests", "proving", null);
        await using var identity = new WorkloadIdentity(fixture.Client, Options("proving") with { JoinToken = token.Token }, _time);
        await identity.StartAsync();
        await Ca.RevokeJoinTokenAsync(token.Info.Id);

        var next = await RenewAsync(identity);

        Assert.NotNull(next.SerialNumber);
        Assert.Null(identity.LastError);
    }

    [Fact]
    public async Task IssueAsync_CurrentCertificateRevoked_FallsBackToTheJoinToken()
    {
        await using var identity = await CreateAsync("fallback");
        await identity.StartAsync();
        await Ca.RevokeAsync(identity.CurrentIssued!.SerialNumber);

        var next = await identity.IssueAsync();

        Assert.Contains(await Ca.ListIssuedAsync(), c => c.SerialNumber == next.SerialNumber && c.RevokedAt is null);
    }

    [Fact]
    public async Task IssueAsync_CurrentCertificateRevokedAndNoJoinToken_Refused()
    {
        var token = await Ca.CreateJoinTokenAsync("tests", "no-fallback", null);
        var file = Path.Combine(_files.Path, "token");
        await File.WriteAllTextAsync(file, token.Token);
        await using var identity = new WorkloadIdentity(fixture.Client, Options("no-fallback") with { JoinTokenFile = file }, _time);
        await identity.StartAsync();
        await Ca.RevokeAsync(identity.CurrentIssued!.SerialNumber);
        File.Delete(file);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => identity.IssueAsync());

        Assert.Contains("was revoked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_JoinTokenFileRotated_ReadsTheCurrentToken()
    {
        var stale = await Ca.CreateJoinTokenAsync("tests", "rotated-secret", null);
        await Ca.RevokeJoinTokenAsync(stale.Info.Id);
        var file = Path.Combine(_files.Path, "token");
        await File.WriteAllTextAsync(file, stale.Token);
        await using var identity = new WorkloadIdentity(fixture.Client, Options("rotated-secret") with { JoinTokenFile = file }, _time);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => identity.StartAsync());

        await File.WriteAllTextAsync(file, (await Ca.CreateJoinTokenAsync("tests", "rotated-secret", null)).Token + "\n");
        await identity.StartAsync();

        Assert.NotNull(identity.Current);
    }

    public void Dispose() => _files.Dispose();

    private async Task<WorkloadCertificate> RenewAsync(WorkloadIdentity identity)
    {
        var renewed = new TaskCompletionSource<WorkloadCertificate>(TaskCreationOptions.RunContinuationsAsynchronously);
        identity.Renewed += c => renewed.TrySetResult(c);
        _time.Advance(Ttl * 0.56);
        return await renewed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task<WorkloadIdentity> CreateAsync(string serviceAccount)
    {
        var token = await Ca.CreateJoinTokenAsync("tests", serviceAccount, null);
        return new WorkloadIdentity(fixture.Client, Options(serviceAccount) with { JoinToken = token.Token }, _time);
    }

    private static WorkloadIdentityOptions Options(string serviceAccount) =>
        new() { Namespace = "tests", ServiceAccount = serviceAccount, Ttl = Ttl };
}
