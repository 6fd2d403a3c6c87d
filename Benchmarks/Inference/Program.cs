using OrleansMesh.Benchmarks.Inference;

// ROUND_ROBIN vs LEAST_REQUEST vs the InferencePool picker through three gateways, same request mix; see run.sh.
var settings = BenchSettings.FromEnvironment();
var bodies = Workload.Bodies(settings.Seed, 20_000);
await using var mesh = await BenchMesh.StartAsync();
var phases = new List<(string, List<Sample>, string)>();
foreach (var policy in settings.Policies)
{
    // Fresh servers per policy: no policy starts with the prefix caches or adapters another one warmed.
    await using var pool = await Pool.StartAsync();
    var host = $"bench-{policy.ToLowerInvariant().Replace('_', '-')}";
    await mesh.ApplyAsync(BenchConfig.Yaml(policy, host, pool.Ports), host);

    // The picker's first push arrives within a scrape interval; a second lets every gateway hold fresh metrics.
    await Task.Delay(TimeSpan.FromSeconds(1));
    var samples = await OpenLoop.RunAsync(mesh.Clients, host, bodies, settings);
    Console.Error.WriteLine($"[inference] {policy}: {Report.Summary(samples)}");
    phases.Add((policy, samples, $"127.0.0.1:{pool.Ports[3]}"));
}

// To a file: the hosts' shutdown logs go to the console.
await File.WriteAllTextAsync(args.Length > 0 ? args[0] : "inference.md", Report.Markdown(settings, phases));
