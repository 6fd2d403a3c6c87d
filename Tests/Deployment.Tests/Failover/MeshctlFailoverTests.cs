using OrleansMesh.Deployment.Tests.FaultTolerance;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Deployment.Tests.Redis;
using OrleansMesh.Silo.Hosting;

namespace OrleansMesh.Deployment.Tests.Failover;

/// <summary>
/// Issue 11: meshctl (the built tool, run as a user runs it) right after silos were killed with kill -9, with
/// <c>Production</c> failure detection and the refusal fast path off, so the dead silos stay listed as they would
/// for a partitioned host: it retries within its connect timeout, and when it gives up it names the silo and why.
/// </summary>
[Collection(FaultToleranceCollection.Name)]
public sealed class MeshctlFailoverTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Get_OneOfTwoSilosKilledStillListed_Succeeds()
    {
        var cluster = ClusterSettings.NewCluster(redis.Server.ConnectionString);
        var silos = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => SiloProcess.StartAsync(SiloEnvironment(cluster), $"silo-{i}")));
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
