using OrleansMesh.Gateway.Health;
using OrleansMesh.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansMesh.Integration.Tests.ClusterWide;

/// <summary>Gateways that lose every silo: they keep the shared state they last had and break locally.</summary>
[Collection(DegradedModeCollection.Name)]
public sealed class DegradedModeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MinimumRequests = 10;
    private readonly MeshCluster _mesh = new(silos: 2);
    private GatewayHost[] _gateways = [];
    private FlakyBackend _opened = null!;
    private FlakyBackend _healthy = null!;

    public async Task InitializeAsync()
    {
        _opened = await FlakyBackend.StartAsync(status: 503);
        _healthy = await FlakyBackend.StartAsync(status: 200);
        await _mesh.StartAsync();
        await _mesh.ApplyAsync(Breaker("opened", _opened.Port) + "\n---\n" + Breaker("healthy", _healthy.Port));
        var settings = new Dictionary<string, string?> { ["OrleansMesh:Gateway:Health:CallTimeout"] = "00:00:00.500" };
        _gateways = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => GatewayHost.StartAsync(_mesh.Grains, settings)));
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        await _mesh.DisposeAsync();
        await _opened.DisposeAsync();
        await _healthy.DisposeAsync();
    }

    [Fact]
    public async Task SilosStopped_GatewaysKeepTheSharedStateAndBreakLocally()
    {
        await Task.WhenAll(_gateways.Select(g => Load.UntilBreakerRejectsAsync(g, "opened", concurrency: 2)));

        await _mesh.Cluster.StopAllSilosAsync();
        var reachedOpened = _opened.Requests;

        // The destination that fails now is judged by each gateway alone: roughly the threshold per gateway.
        _healthy.Status = 503;
        var before = _healthy.Requests;
        await Task.WhenAll(_gateways.Select(g => Load.UntilBreakerRejectsAsync(g, "healthy", concurrency: 2)));
        var reached = _healthy.Requests - before;
        output.WriteLine($"local breakers (degraded mode), threshold {MinimumRequests} each: {reached} requests reached the failing destination through 3 gateways");

        // Each gateway needs the threshold on its own (the per-proxy figure), plus what passed while it found the
        // control plane gone; and each then rejects on its own local breaker.
        Assert.All(_gateways, g => Assert.True(g.Services.GetRequiredService<HealthReporter>().IsDegraded));
        Assert.True(reached >= 3 * MinimumRequests, $"{reached} requests: a gateway broke before its own threshold");
        Assert.All(_gateways, g => Assert.Equal(Guid.Empty, ThreeGatewaysFixture.Health(g, "healthy")!.View.Incarnation));
        foreach (var gateway in _gateways)
        {
            using var response = await gateway.GetAsync("opened", "/");
            Assert.True(await Load.IsBreakerRejectionAsync(response), "the breaker open before the silos stopped stays open");
        }

        Assert.Equal(reachedOpened, _opened.Requests);
    }

    private static string Breaker(string host, int port) => MeshYaml.Destination(host, [port], $"""
        x-orleansmesh:
          circuitBreaker:
            minimumRequests: {MinimumRequests}
            breakDuration: 60s
        """);
}
