using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>The workload side against the real CA grain; renewal is driven by a fake clock, not by waiting.</summary>
[Collection(MeshClusterCollection.Name)]
public sealed class WorkloadIdentityTests(MeshClusterFixture fixture)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    // Starts at the real time: the CA stamps certificates with the silo's clock.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    [Fact]
    public async Task StartAsync_FirstCertificate_HasItsKeyAndTheCaTrustDomain()
    {
        await using var identity = Create("first");

        await identity.StartAsync();

        Assert.True(identity.Current!.HasPrivateKey);
        Assert.Equal("spiffe://cluster.local/ns/tests/sa/first", identity.CurrentIssued!.Identity.ToString());
        Assert.Equal("cluster.local", identity.Trust.TrustDomain);
    }

    [Fact]
    public async Task Renewal_AfterHalfLifetimeWithJitter_SwapsInANewCertificate()
    {
        await using var identity = Create("renewing");
        await identity.StartAsync();
        var first = identity.CurrentIssued!.SerialNumber;
        var renewed = new TaskCompletionSource<WorkloadCertificate>(TaskCreationOptions.RunContinuationsAsynchronously);
        identity.Renewed += c => renewed.TrySetResult(c);

        _time.Advance(Ttl * 0.56);
        var next = await renewed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotEqual(first, next.SerialNumber);
        Assert.Same(next.Certificate, identity.Current);
    }

    private WorkloadIdentity Create(string serviceAccount) => new(
        fixture.Client,
        new WorkloadIdentityOptions { Namespace = "tests", ServiceAccount = serviceAccount, Ttl = Ttl },
        _time);
}
