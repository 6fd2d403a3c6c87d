using OrleansMesh.Deployment.Tests.FaultTolerance;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Deployment.Tests.Redis;
using OrleansMesh.Rollouts;
using Xunit.Abstractions;

namespace OrleansMesh.Deployment.Tests.Rollouts;

/// <summary>
/// Issue 13 end to end: silos on Redis, two gateways and two demo model servers as processes, steady traffic, and a
/// Rollout the cluster drives by itself from the gateways' live telemetry.
/// </summary>
[Collection(FaultToleranceCollection.Name)]
public sealed class RolloutTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    private const int RequestsPerSecond = 40;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan BadInterval = TimeSpan.FromSeconds(3);

    private const int BadThreshold = 2;

    [Fact]
    public async Task GoodCanary_SucceedsAfterMaxOverStepPlusOneChecks_WithAllTrafficOnCanaryOnEveryGateway()
    {
        await using var mesh = await RolloutMesh.StartAsync(redis.Server.ConnectionString, silos: 2, gateways: 2, canaryErrorRate: 0);
        await using var client = await ClusterClient.ConnectAsync(mesh.Cluster);
        await using var traffic = RolloutTraffic.Start(mesh.Gateways, RequestsPerSecond);

        await RolloutMesh.ApplyAsync(client, RolloutMesh.RolloutYaml(Interval, stepWeight: 25, maxWeight: 50, threshold: 2, minRequests: 5));
        var status = await UntilAsync(client, s => s.IsFinished, TimeSpan.FromSeconds(60));
        Report(status);

        Assert.Equal(RolloutPhase.Succeeded, status.Phase);
        Assert.Equal(50 / 25 + 1, status.PassedChecks);
        Assert.Equal(0, status.FailedChecks);
        var since = await SettledAsync(status);
        for (var gateway = 0; gateway < mesh.Gateways.Count; gateway++)
        {
            Assert.Equal(1.0, traffic.Share(gateway, "v2", since));
        }
    }

    [Fact]
    public async Task BadCanary_TwentyPercent5xx_FailsWithinThresholdPlusOneIntervals_WithAllTrafficBackOnStable()
    {
        await using var mesh = await RolloutMesh.StartAsync(redis.Server.ConnectionString, silos: 2, gateways: 2, canaryErrorRate: 0.2);
        await using var client = await ClusterClient.ConnectAsync(mesh.Cluster);
        await using var traffic = RolloutTraffic.Start(mesh.Gateways, RequestsPerSecond);

        // Enough canary requests per check that a 20 % failing canary passes one by luck about once in a thousand
        // checks (0.8^30): the bound below holds unless it does.
        await RolloutMesh.ApplyAsync(client, RolloutMesh.RolloutYaml(BadInterval, stepWeight: 30, maxWeight: 60, threshold: BadThreshold, minRequests: 20));
        var status = await UntilAsync(client, s => s.IsFinished, TimeSpan.FromSeconds(60));
        Report(status);

        Assert.Equal(RolloutPhase.Failed, status.Phase);
        Assert.Equal(0, status.CanaryWeight);
        var firstFailed = status.Checks.First(c => c.Verdict == RolloutCheckVerdict.Failed).At;
        var rolledBack = status.Events[^1].At;
        Assert.True(rolledBack - firstFailed <= BadInterval * (BadThreshold + 1), $"rolled back {(rolledBack - firstFailed).TotalSeconds:F1} s after the first failed check; bound (threshold + 1) intervals");
        var since = await SettledAsync(status);
        for (var gateway = 0; gateway < mesh.Gateways.Count; gateway++)
        {
            Assert.Equal(0.0, traffic.Share(gateway, "v2", since));
        }

        // The benchmark figure (Benchmarks/Rollout): user requests that failed between the canary's first 5xx and the
        // last answer any gateway took from it, against the canary's share of one threshold window of traffic.
        var canaryAnswers = traffic.Answers.Where(a => a.Version == "v2").ToList();
        var firstBad = canaryAnswers.Where(a => a.Version == "v2" && a.Status >= 500).Select(a => a.At).DefaultIfEmpty(rolledBack).Min();
        var lastCanary = canaryAnswers.Select(a => a.At).DefaultIfEmpty(rolledBack).Max();
        var failed = traffic.Answers.Count(a => a.Status >= 500 && a.At >= firstBad && a.At <= lastCanary);
        var peak = status.Events.Max(e => e.CanaryWeight ?? 0);
        var bound = RequestsPerSecond * BadInterval.TotalSeconds * BadThreshold * peak / 100.0;
        output.WriteLine(string.Join(", ", traffic.Answers.Where(a => a.At >= firstBad && a.At <= lastCanary).GroupBy(a => (a.Version, a.Status)).Select(g => $"{g.Key.Version ?? "no answer"} {g.Key.Status}: {g.Count()}")));
        output.WriteLine($"bad canary: {failed} failed user requests between the first 5xx and the last canary answer ({(lastCanary - firstBad).TotalSeconds:F1} s; rolled back {(rolledBack - firstBad).TotalSeconds:F1} s after the first 5xx); canary peak weight {peak} %; one threshold window's canary share {bound:F0} requests");
    }

    [Fact]
    public async Task KillDriverSilo_MidRollout_ContinuesFromItsStepToSuccess()
    {
        await using var mesh = await RolloutMesh.StartAsync(redis.Server.ConnectionString, silos: 2, gateways: 2, canaryErrorRate: 0);
        await using var client = await ClusterClient.ConnectAsync(mesh.Cluster);
        await using var traffic = RolloutTraffic.Start(mesh.Gateways, RequestsPerSecond);
        await RolloutMesh.ApplyAsync(client, RolloutMesh.RolloutYaml(Interval, stepWeight: 10, maxWeight: 40, threshold: 2, minRequests: 5));
        var before = await UntilAsync(client, s => s.CanaryWeight >= 20, TimeSpan.FromSeconds(60));

        var address = await client.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(RolloutMesh.Driver(client));
        var holder = mesh.Silos.Single(s => address is not null && s.SiloPort == address.Endpoint.Port);
        output.WriteLine($"kill -9 {holder.SiloPort} (driver at weight {before.CanaryWeight}, {before.PassedChecks} passed)");
        holder.Process.KillNow();

        var status = await UntilAsync(client, s => s.IsFinished, TimeSpan.FromSeconds(90));
        Report(status);

        Assert.Equal(RolloutPhase.Succeeded, status.Phase);
        Assert.Single(status.Events, e => e.Message.StartsWith("analysis", StringComparison.Ordinal));
        var weights = status.Events.Select(e => e.CanaryWeight ?? 0).ToList();
        Assert.Equal(weights.Order(), weights);
        Assert.True(status.PassedChecks >= before.PassedChecks);
    }

    // The driver's status once it satisfies the condition; polled through the cluster (which may be failing over).
    private static async Task<RolloutStatus> UntilAsync(ClusterClient client, Func<RolloutStatus, bool> condition, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        RolloutStatus? last = null;
        while (true)
        {
            try
            {
                last = await RolloutMesh.Driver(client).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(5), deadline.Token) ?? last;
                if (last is not null && condition(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !deadline.IsCancellationRequested)
            {
                // A call to a driver on a silo that just died; the next one reaches its new activation.
            }

            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"condition not met within {within.TotalSeconds} s; last status: {(last is null ? "none" : string.Join(Environment.NewLine, last.Events.Select(e => e.Message)))}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    // The gateways serve the final weight within a push after it was set; traffic from then on is what users get.
    private static async Task<DateTimeOffset> SettledAsync(RolloutStatus status)
    {
        var settled = status.Events[^1].At + TimeSpan.FromSeconds(1);
        var wait = settled + TimeSpan.FromSeconds(3) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        return settled;
    }

    private void Report(RolloutStatus status)
    {
        foreach (var e in status.Events)
        {
            output.WriteLine($"{e.At:HH:mm:ss.fff} {e.Phase} {e.CanaryWeight} {e.Message}");
        }
    }
}
