using System.Globalization;
using OrleansMesh.Configuration;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Resilience;
using OrleansMesh.Silo.Hosting;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>
/// Issue 7's fault test: 3 silos (Redis clustering and storage), 2 gateways and 3 model servers as OS processes,
/// under a steady load through both gateways, through five faults in order. One test, because each step starts
/// from the state the previous one left (the config revision, which silos and gateways run); every step runs even
/// when an earlier one missed its bound, the table of all five is printed, and the test then fails with every miss.
/// </summary>
[Collection(FaultToleranceCollection.Name)]
public sealed class FaultScenarioTests(ITestOutputHelper output)
{
    /// <summary>Issue 7: a change is seen by every gateway within 2 s of the apply returning.</summary>
    private static readonly TimeSpan PropagationBound = TimeSpan.FromSeconds(2);

    /// <summary>How long we keep measuring a propagation past its bound, so a miss is reported with its real time.</summary>
    private static readonly TimeSpan PropagationPatience = TimeSpan.FromSeconds(40);

    /// <summary>
    /// Step 4: after a model server dies, gateway errors reach the destination's health grain in batches sent as soon as
    /// the previous one is answered, and an ejection is pushed to every gateway; on loopback both take well under this.
    /// </summary>
    private static readonly TimeSpan EjectionPropagationAllowance = TimeSpan.FromMilliseconds(300);

    /// <summary>How long one control-plane call may take before it is abandoned and tried again.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    private readonly List<string> _problems = [];
    private readonly List<StepResult> _steps = [];
    private readonly TimeProvider _time = TimeProvider.System;

    [Fact]
    public async Task FaultScenario_KillSiloStopSilosKillGatewayKillModelServerRestartRedis_NoRequestLostNothingForgotten()
    {
        var timings = FaultTimings.FromEnvironment();
        var setup = _time.GetTimestamp();
        await using var mesh = await FaultMesh.StartAsync();
        using var probe = new GatewayProbe();
        var revision = 1;
        await ApplyAsync(mesh, mesh.Revision(revision), TimeSpan.FromSeconds(30));
        foreach (var gateway in mesh.Gateways)
        {
            Assert.NotNull(await probe.SeenAsync(gateway, mesh.Revision(revision), TimeSpan.FromSeconds(30)));
        }

        output.WriteLine($"setup: Redis, {FaultMesh.SiloCount} silos, {FaultMesh.GatewayCount} gateways, {FaultMesh.ModelServerCount} model servers up and serving in {Seconds(_time.GetElapsedTime(setup))}; load {timings.RequestsPerSecond} req/s");
        var traffic = mesh.Gateways.Select((g, i) => new GatewayTraffic($"gateway-{i}", g.Proxy)).ToArray();
        await using (var load = LoadGenerator.Start(traffic, timings.RequestsPerSecond))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await StepAsync("1. kill -9 the silo holding the config grain", load, notes => KillSiloAsync(mesh, probe, timings, mesh.Revision(++revision), notes));
            await StepAsync($"2. stop all silos {Seconds(timings.SiloOutage)}, start them again", load, notes => StopAllSilosAsync(mesh, probe, timings, mesh.Revision(revision), mesh.Revision(++revision), notes));
            await StepAsync("3. kill -9 a gateway, restart it", load, notes => KillGatewayAsync(mesh, probe, traffic[1], timings, mesh.Revision(++revision), notes));
            await StepAsync("4. kill -9 a model server", load, notes => KillModelServerAsync(mesh, timings, notes), maxFailed: ModelServerFailureBound(timings));
            await StepAsync("5. restart Redis", load, notes => RestartRedisAsync(mesh, probe, timings, mesh.Revision(revision), mesh.Revision(++revision), notes));
        }

        var table = StepResult.Table(_steps);
        output.WriteLine(table);
        foreach (var failure in traffic.SelectMany(t => t.Failures))
        {
            output.WriteLine("failure: " + failure);
        }

        if (Environment.GetEnvironmentVariable("ORLEANSMESH_FAULT_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, table + Environment.NewLine + string.Join(Environment.NewLine, _problems.Select(p => "- MISSED: " + p)) + Environment.NewLine);
        }

        Assert.True(_problems.Count == 0, string.Join(Environment.NewLine, _problems));
    }

    /// <summary>
    /// Step 4's bound on failed requests, with retries off (the route says <c>attempts: 0</c>): each gateway's requests
    /// to the dead endpoint fail until the outlier detection ejects it: <c>consecutiveGatewayErrors</c> (3) per gateway
    /// at most, plus what is routed to it while the ejection propagates (its share of the load for
    /// <see cref="EjectionPropagationAllowance"/>), plus 2 requests in flight on the server when it was killed.
    /// Without outlier detection a third of the step's requests fail.
    /// </summary>
    private static long ModelServerFailureBound(FaultTimings timings) =>
        (FaultMeshConfig.ConsecutiveErrors * FaultMesh.GatewayCount)
        + (long)Math.Ceiling(timings.RequestsPerSecond / (double)FaultMesh.ModelServerCount * EjectionPropagationAllowance.TotalSeconds)
        + 2;

    private async Task StepAsync(string name, LoadGenerator load, Func<List<string>, Task> step, long maxFailed = 0)
    {
        var notes = new List<string>();
        var before = load.Total;
        var start = _time.GetTimestamp();
        try
        {
            await step(notes);
        }
        catch (Exception e)
        {
            _problems.Add($"{name}: {e.GetType().Name}: {e.Message}");
        }

        var counts = load.Total - before;
        var result = new StepResult(name, _time.GetElapsedTime(start), counts, notes);
        _steps.Add(result);
        output.WriteLine(result.Row);
        if (counts.Failed > maxFailed)
        {
            _problems.Add($"{name}: {counts.Failed} failed requests, at most {maxFailed} allowed");
        }
    }

    private async Task KillSiloAsync(FaultMesh mesh, GatewayProbe probe, FaultTimings timings, string revision, List<string> notes)
    {
        var holder = await mesh.ConfigGrainSiloAsync();
        var victim = holder ?? mesh.Silos[0];
        notes.Add(holder is null ? "config grain's silo not found: killed silo-0" : "killed the config grain's silo");
        victim.Process.Kill();
        mesh.Silos.Remove(victim);
        await victim.DisposeAsync();

        var (took, attempts) = await ApplyAsync(mesh, revision, MeshFailureDetection.FastDeathDeclarationBound);
        notes.Add($"apply returned after {Seconds(took)} ({attempts} attempt(s), bound {Seconds(MeshFailureDetection.FastDeathDeclarationBound)})");
        await PropagatedAsync(mesh.Gateways, probe, revision, notes);
        await Task.Delay(timings.Step);
    }

    private async Task StopAllSilosAsync(FaultMesh mesh, GatewayProbe probe, FaultTimings timings, string kept, string revision, List<string> notes)
    {
        await mesh.DisconnectClientAsync();
        await Task.WhenAll(mesh.Silos.Select(s => s.Process.StopAsync(TimeSpan.FromSeconds(20))));
        foreach (var silo in mesh.Silos)
        {
            await silo.DisposeAsync();
        }

        mesh.Silos.Clear();
        await Task.Delay(timings.SiloOutage);
        foreach (var (gateway, i) in mesh.Gateways.Select((g, i) => (g, i)))
        {
            var (status, served) = await probe.ServedAsync(gateway);
            Check(status == 200 && served == kept, $"gateway-{i} without silos served {status} {served}, not 200 {kept}");
        }

        var restart = _time.GetTimestamp();
        mesh.Silos.AddRange(await FaultMesh.StartSilosAsync(mesh.Cluster));
        await mesh.ConnectClientAsync();
        notes.Add($"silos active again after {Seconds(_time.GetElapsedTime(restart))}");
        var listed = MeshConfigWriter.ToYaml(await mesh.Config.ListAsync());
        Check(listed.Contains(kept, StringComparison.Ordinal), $"after the restart the config does not hold {kept}:{Environment.NewLine}{listed}");
        notes.Add("config intact after restart");

        var (took, _) = await ApplyAsync(mesh, revision, MeshFailureDetection.FastDeathDeclarationBound);
        notes.Add($"apply after restart {Seconds(took)}");
        await PropagatedAsync(mesh.Gateways, probe, revision, notes);
    }

    private async Task KillGatewayAsync(FaultMesh mesh, GatewayProbe probe, GatewayTraffic traffic, FaultTimings timings, string revision, List<string> notes)
    {
        var victim = mesh.Gateways[1];
        traffic.ExpectDown = true;
        victim.Process.Kill();
        await victim.DisposeAsync();

        // A change while it is down: the restarted gateway must come up with it, not with what it had.
        var (took, _) = await ApplyAsync(mesh, revision, TimeSpan.FromSeconds(10));
        notes.Add($"apply while down {Seconds(took)}");
        await PropagatedAsync(mesh.Gateways[..1], probe, revision, notes);

        var restarted = GatewayProcess.Launch(mesh.GatewayEnvironment, victim.ProxyPort, victim.AdminPort);
        mesh.Gateways[1] = restarted;
        var ready = await probe.ReadyAsync(restarted, TimeSpan.FromSeconds(60));
        var (status, served) = await probe.ServedAsync(restarted);
        traffic.ExpectDown = false;
        if (ready is null)
        {
            _problems.Add($"restarted gateway never ready:{Environment.NewLine}{restarted.Process.Output}");
            return;
        }

        notes.Add($"restarted gateway ready after {Seconds(ready.Value)}, then served {status} {(served == revision ? "the current config" : served)}");
        Check(status == 200 && served == revision, $"the restarted gateway was ready but served {status} {served}, not 200 {revision}");
        await Task.Delay(timings.Step);
    }

    private async Task KillModelServerAsync(FaultMesh mesh, FaultTimings timings, List<string> notes)
    {
        var victim = mesh.ModelServers[0];
        var killed = _time.GetTimestamp();
        victim.Process.Kill();
        await victim.DisposeAsync();

        var health = mesh.Client!.Client.GetGrain<IDestinationHealthGrain>(DestinationKey.Of(FaultMeshConfig.Host, null));
        TimeSpan? ejected = null;
        var step = TimeSpan.FromSeconds(Math.Max(3, timings.Step.TotalSeconds));
        while (_time.GetElapsedTime(killed) < step)
        {
            if (ejected is null && (await health.GetAsync()).Ejected.Any(e => e.Address == victim.Address))
            {
                ejected = _time.GetElapsedTime(killed);
            }

            await Task.Delay(50);
        }

        notes.Add(ejected is { } after ? $"ejected cluster-wide after {Seconds(after)}" : "never ejected");
        notes.Add($"failure bound {ModelServerFailureBound(timings)}");
        Check(ejected is not null, $"{victim.Address} was killed but the destination health grain never listed it as ejected");

        // Back for the next step, on its old port: it stays ejected until baseEjectionTime is over.
        mesh.ModelServers[0] = await ModelServerProcess.StartAsync(FaultMeshConfig.Host, "v1", victim.Port);
    }

    private async Task RestartRedisAsync(FaultMesh mesh, GatewayProbe probe, FaultTimings timings, string kept, string revision, List<string> notes)
    {
        var restart = _time.GetTimestamp();
        await mesh.Redis.RestartAsync();
        notes.Add($"Redis back after {Seconds(_time.GetElapsedTime(restart))}");
        foreach (var silo in mesh.Silos)
        {
            await silo.Process.WaitUntilHealthyAsync(silo.Health, TimeSpan.FromSeconds(30));
        }

        // Deactivate the config grain so the listing below is read back from Redis, not from the activation's memory.
        var config = mesh.Config;
        await Retry(() => mesh.Client!.Client.GetGrain<IManagementGrain>(0).DeactivateGrain(config.GetGrainId()), TimeSpan.FromSeconds(10));
        var listed = await Retry(async () => MeshConfigWriter.ToYaml(await mesh.Config.ListAsync()), TimeSpan.FromSeconds(10));
        Check(listed.Contains(kept, StringComparison.Ordinal), $"after the Redis restart the config does not hold {kept}:{Environment.NewLine}{listed}");
        notes.Add($"config read back from Redis holds {kept}");

        var (took, _) = await ApplyAsync(mesh, revision, TimeSpan.FromSeconds(10));
        notes.Add($"apply {Seconds(took)}");
        await PropagatedAsync(mesh.Gateways, probe, revision, notes);
        await Task.Delay(timings.Step);
    }

    /// <summary>Applies the scenario's config at <paramref name="revision"/>, retrying what the cluster answers while it recovers.</summary>
    private async Task<(TimeSpan Took, int Attempts)> ApplyAsync(FaultMesh mesh, string revision, TimeSpan within)
    {
        var request = FaultMeshConfig.Request(revision, mesh.ModelPorts);
        var start = _time.GetTimestamp();
        var attempts = 0;
        await Retry(
            async () =>
            {
                attempts++;
                var result = await mesh.Config.ApplyAsync(request);
                Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
                return true;
            },
            within);
        return (_time.GetElapsedTime(start), attempts);
    }

    /// <summary>
    /// Calls <paramref name="call"/> until it succeeds or <paramref name="within"/> is over. Each attempt is abandoned
    /// after <see cref="AttemptTimeout"/>, as an operator re-runs a meshctl command that hangs: a call sent just before
    /// a silo was declared dead waits for Orleans' response timeout (30 s) even when a new one would succeed at once.
    /// </summary>
    private async Task<T> Retry<T>(Func<Task<T>> call, TimeSpan within)
    {
        var start = _time.GetTimestamp();
        var attempts = new List<string>();
        while (true)
        {
            var left = within - _time.GetElapsedTime(start);
            var attemptStart = _time.GetElapsedTime(start);
            try
            {
                return await call().WaitAsync(left < AttemptTimeout ? (left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1)) : AttemptTimeout);
            }
            catch (Exception e) when (e is not XunitException)
            {
                attempts.Add($"{Seconds(attemptStart)}: {e.GetType().Name} after {Seconds(_time.GetElapsedTime(start) - attemptStart)}");
                if (_time.GetElapsedTime(start) >= within)
                {
                    throw new TimeoutException($"no success within {Seconds(within)}; attempts: {string.Join("; ", attempts)}", e);
                }

                await Task.Delay(200);
            }
        }
    }

    private Task Retry(Func<Task> call, TimeSpan within) => Retry(async () =>
    {
        await call();
        return true;
    }, within);

    /// <summary>Measures how long each gateway takes to serve <paramref name="revision"/> after the apply returned.</summary>
    private async Task PropagatedAsync(IReadOnlyList<GatewayProcess> gateways, GatewayProbe probe, string revision, List<string> notes)
    {
        var seen = await Task.WhenAll(gateways.Select(g => probe.SeenAsync(g, revision, PropagationPatience)));
        notes.Add("seen by gateways after " + string.Join(", ", seen.Select(s => s is { } t ? Seconds(t) : "never")));
        if (!seen.All(s => s <= PropagationBound))
        {
            // What the gateways said about the control plane meanwhile.
            var logs = gateways.SelectMany(g => g.Process.Output.Split(Environment.NewLine).Where(l => l.Contains("onfig", StringComparison.Ordinal) || l.Contains("ontrol plane", StringComparison.Ordinal)).TakeLast(6));
            _problems.Add($"{revision} reached the gateways after {string.Join(", ", seen.Select(s => s is { } t ? Seconds(t) : "never"))}, bound {Seconds(PropagationBound)}; gateway log:{Environment.NewLine}{string.Join(Environment.NewLine, logs)}");
        }
    }

    private void Check(bool condition, string problem)
    {
        if (!condition)
        {
            _problems.Add(problem);
        }
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:F2} s");
}
