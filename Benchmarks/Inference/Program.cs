using OrleansMesh.Benchmarks.Inference;

// ROUND_ROBIN vs LEAST_REQUEST vs the InferencePool picker through three gateways, same request mix; see run.sh.
// BENCH_MODE=herding instead compares, on eight identical servers, the picker through one gateway (which cannot herd:
// it sees every request it sends) with three gateways counting the requests in flight cluster-wide, and three
// gateways each counting only its own.
var settings = BenchSettings.FromEnvironment();
var herding = Environment.GetEnvironmentVariable("BENCH_MODE") == "herding";
var tokens = int.TryParse(Environment.GetEnvironmentVariable("BENCH_HERD_TOKENS"), out var t) ? t : 8;
var bodies = herding ? Workload.ShortBodies(settings.Seed, 50_000, tokens) : Workload.Bodies(settings.Seed, 20_000);
await using var mesh = await BenchMesh.StartAsync();
var phases = new List<(string Policy, List<Sample> Samples, string SlowServer)>();
var policies = herding ? ["PICKER_ONE", "PICKER", "PICKER_LOCAL"] : settings.Policies;

// Herding's figures move with whatever else the machine runs: its policies take turns in short rounds, so each
// meets the same moments of load.
var rounds = herding ? settings.Rounds : 1;
for (var round = 0; round < rounds; round++)
{
    foreach (var policy in policies)
    {
        // Fresh servers and gateways per phase: no policy starts with the caches, adapters or counts another one left.
        await using var pool = herding ? await Pool.StartAsync([.. Enumerable.Repeat(Pool.Small, 8)]) : await Pool.StartAsync();
        await mesh.StartGatewaysAsync(PickerSettings(policy), count: policy == "PICKER_ONE" ? 1 : 3);
        var host = $"bench-{policy.ToLowerInvariant().Replace('_', '-')}-{round}";
        await mesh.ApplyAsync(BenchConfig.Yaml(policy.StartsWith("PICKER", StringComparison.Ordinal) ? "PICKER" : policy, host, pool.Ports), host);

        // The picker's first push arrives within a scrape interval; a second lets every gateway hold fresh metrics.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var samples = await OpenLoop.RunAsync(mesh.Clients, host, bodies, settings);
        Console.Error.WriteLine($"[inference] {policy} (round {round + 1} of {rounds}): {Report.Summary(samples)}");
        phases.Add((policy, samples, $"127.0.0.1:{pool.Ports[^1]}"));
    }
}

// To a file: the hosts' shutdown logs go to the console.
var report = herding
    ? Herding.Markdown(settings, 8, Pool.Small.MaxRunning, tokens, [.. phases.Select(p => (p.Policy, p.Samples))])
    : Report.Markdown(settings, phases);
await File.WriteAllTextAsync(args.Length > 0 ? args[0] : "inference.md", report);

// PICKER_LOCAL: each gateway counts only its own requests. PICKER_GIE: GIE's default profile alone, without the
// active-request scorer and the score tolerance the mesh adds.
static Dictionary<string, string?> PickerSettings(string policy)
{
    var settings = new Dictionary<string, string?> { ["OrleansMesh:Gateway:InferencePicker:ClusterWideDispatch"] = policy == "PICKER_LOCAL" ? "false" : "true" };
    if (policy == "PICKER_GIE")
    {
        settings["OrleansMesh:Gateway:InferencePicker:ActiveRequestWeight"] = "0";
        settings["OrleansMesh:Gateway:InferencePicker:ScoreTolerance"] = "0";
    }

    return settings;
}
