using System.Diagnostics;
using System.Net;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Silo.Hosting;
using Xunit.Abstractions;

namespace OrleansMesh.Deployment.Tests.Redis;

/// <summary>
/// Silos and gateways as separate processes, configured by environment variables alone, on Redis membership and
/// Redis grain storage (a real Redis in a container).
/// </summary>
public sealed class RedisClusterTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ApplyAsync_FullClusterRestart_ConfigIsStillThere()
    {
        var cluster = ClusterSettings.NewCluster(redis.Server.ConnectionString);
        var first = await StartSilosAsync(cluster, 2);
        await using (var client = await ClusterClient.ConnectAsync(cluster))
        {
            var applied = await Config(client).ApplyAsync(TestConfig.Request("restart-model"));
            Assert.True(applied.Succeeded, string.Join(Environment.NewLine, applied.Diagnostics));
        }

        // Kept in Redis, not in a file beside one of the silos.
        var keys = await redis.Server.KeysAsync();
        Assert.True(keys.Any(k => k.Contains(cluster.ServiceId, StringComparison.Ordinal) && k.Contains("meshconfig", StringComparison.Ordinal)), string.Join(", ", keys));

        await Task.WhenAll(first.Select(s => s.Process.StopAsync(StopGrace)));
        await DisposeAllAsync(first);

        var second = await StartSilosAsync(cluster, 2);
        try
        {
            await using var client = await ClusterClient.ConnectAsync(cluster);
            var snapshot = await Config(client).GetSnapshotAsync();

            Assert.Contains("restart-model", TestConfig.Hosts(snapshot));
        }
        finally
        {
            await DisposeAllAsync(second);
        }
    }

    [Fact]
    public async Task KillSilo_FastFailureDetection_DeclaredDeadWithinBoundAndConfigStillApplies()
    {
        var cluster = ClusterSettings.NewCluster(redis.Server.ConnectionString);
        var silos = await StartSilosAsync(cluster, 2);
        try
        {
            await using var client = await ClusterClient.ConnectAsync(cluster);
            Assert.True((await Config(client).ApplyAsync(TestConfig.Request("before-kill"))).Succeeded);
            var (survivor, victim) = (silos[0], silos[1]);

            victim.Process.Kill();
            var killed = Stopwatch.StartNew();
            var declaredDead = await WaitUntilDeadAsync(client, victim.SiloPort, MeshFailureDetection.FastDeathDeclarationBound * 2);
            output.WriteLine($"killed silo declared dead after {declaredDead.TotalSeconds:F1} s");

            Assert.True(declaredDead <= MeshFailureDetection.FastDeathDeclarationBound, $"declared dead after {declaredDead}, bound {MeshFailureDetection.FastDeathDeclarationBound}");
            var applied = await Config(client).ApplyAsync(TestConfig.Request("after-kill"));
            Assert.True(applied.Succeeded, string.Join(Environment.NewLine, applied.Diagnostics));
            Assert.True(killed.Elapsed < TimeSpan.FromSeconds(30));
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(survivor.Health)).StatusCode);
        }
        finally
        {
            await DisposeAllAsync(silos);
        }
    }

    [Fact]
    public async Task GatewayProcess_RedisMembership_GetsConfigAndBecomesReady()
    {
        var cluster = ClusterSettings.NewCluster(redis.Server.ConnectionString);
        var silos = await StartSilosAsync(cluster, 1);
        try
        {
            await using (var client = await ClusterClient.ConnectAsync(cluster))
            {
                Assert.True((await Config(client).ApplyAsync(TestConfig.Request("gateway-model"))).Succeeded);
            }

            await using var gateway = await GatewayProcess.StartAsync(cluster.Environment());
            using var http = new HttpClient();
            await WaitForStatusAsync(http, gateway.Ready, HttpStatusCode.OK, TimeSpan.FromSeconds(30), gateway.Process);

            // The pushed config routes: the host is known, and its only endpoint (port 9, nothing listens) refuses.
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.Proxy, "/v1/models"));
            request.Headers.Host = "gateway-model";
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("UF", response.Headers.GetValues("x-mesh-response-flags").Single());
        }
        finally
        {
            await DisposeAllAsync(silos);
        }
    }

    private static IMeshConfigGrain Config(ClusterClient client) => client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);

    private static async Task<SiloProcess[]> StartSilosAsync(ClusterSettings cluster, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => SiloProcess.StartAsync(cluster, $"silo-{i}")));

    private static async Task DisposeAllAsync(IEnumerable<SiloProcess> silos)
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
    }

    // How long until the cluster's membership lists the silo on siloPort as dead.
    private static async Task<TimeSpan> WaitUntilDeadAsync(ClusterClient client, int siloPort, TimeSpan within)
    {
        var elapsed = Stopwatch.StartNew();
        var management = client.Client.GetGrain<IManagementGrain>(0);
        while (elapsed.Elapsed < within)
        {
            try
            {
                var hosts = await management.GetHosts(onlyActive: false);
                if (hosts.Any(h => h.Key.Endpoint.Port == siloPort && h.Value == SiloStatus.Dead))
                {
                    return elapsed.Elapsed;
                }
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                // The client's connection to the killed silo broke; the next call goes to the survivor.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the silo on port {siloPort} was not declared dead within {within}");
    }

    private static async Task WaitForStatusAsync(HttpClient http, Uri url, HttpStatusCode expected, TimeSpan within, MeshProcess process)
    {
        var elapsed = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        while (elapsed.Elapsed < within)
        {
            using var response = await http.GetAsync(url);
            last = response.StatusCode;
            if (last == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{url} answered {last}, not {expected}, for {within}:{Environment.NewLine}{process.Output}");
    }
}
