using OrleansMesh.Deployment.Tests.FaultTolerance;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Deployment.Tests.Redis;
using OrleansMesh.Silo.Hosting;

namespace OrleansMesh.Deployment.Tests.Failover;

/// <summary>
/// Issue 11: meshctl (the built tool, run as a user runs it) right after silos were killed with kill -9, with
/// <c>Production</c> failure detection: it retries within its connect timeout while the dead silo is declared, and
/// (refusal fast path off, so the dead silo stays listed as for a partitioned host) when it gives up it names the silo and why.
/// </summary>
[Collection(FaultToleranceCollection.Name)]
public sealed class MeshctlFailoverTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    // With the refusal fast path on, as users run it: which silo held the config grain must not matter. (Off, a call
    // to a grain on the killed silo waits for Production detection, ~15 s, beyond meshctl's 5 s.)
    [Fact]
    public async Task Get_OneOfTwoSilosKilled_SucceedsWithinTheConnectTimeout()
    {
        var cluster = ClusterSettings.NewCluster(redis.Server.ConnectionString);
        var environment = SiloEnvironment(cluster);
        environment.Remove("OrleansMesh__RefusalDetection");
        var silos = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => SiloProcess.StartAsync(environment, $"silo-{i}")));
        try
        {
            silos[1].Process.Kill();

            var (exitCode, output) = await MeshctlProcess.RunAsync(cluster.Environment(), "get", "vs");

            Assert.True(exitCode == 0, output);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Get_OnlySiloKilledStillListed_ExitsTwoNamingTheSiloThatRefuses()
    {
        var cluster = ClusterSettings.NewCluster(redis.Server.ConnectionString);
        await using var silo = await SiloProcess.StartAsync(SiloEnvironment(cluster), "silo");
        silo.Process.Kill();
        var environment = cluster.Environment();
        environment["OrleansMesh__ConnectTimeout"] = "00:00:02";

        var (exitCode, output) = await MeshctlProcess.RunAsync(environment, "get", "vs");

        Assert.Equal(2, exitCode);
        var expected = $"error: cannot reach the mesh control plane of cluster '{cluster.ClusterId}' in Redis {cluster.Redis} within 2 s: silo 127.0.0.1:{silo.GatewayPort} refuses connections: it is gone, but the membership table has not been updated yet";
        Assert.True(output.Contains(expected, StringComparison.Ordinal), output);
    }

    private static Dictionary<string, string> SiloEnvironment(ClusterSettings cluster)
    {
        var environment = cluster.Environment();
        environment["OrleansMesh__FailureDetection"] = MeshSiloDefaults.ProductionFailureDetection;
        environment["OrleansMesh__RefusalDetection"] = "false";
        return environment;
    }
}
