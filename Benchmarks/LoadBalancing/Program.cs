using OrleansMesh.Benchmarks.LoadBalancing;

// Least-request vs round-robin vs random through a real gateway, one of three backends slow; see run.sh.
var settings = BenchSettings.FromEnvironment();
await using var backends = await Backends.StartAsync(settings);
await using var mesh = await BenchMesh.StartAsync();
var results = new Dictionary<string, List<Phase>>();
for (var round = 1; round <= settings.Rounds; round++)
{
    foreach (var policy in settings.Policies)
    {
        await mesh.ApplyAsync(BenchConfig.Yaml(policy, backends.Ports));
        await ClosedLoop.RunAsync(mesh.Gateway, settings.Workers, settings.Warmup, backends);
        backends.ResetCounts();
        var phase = await ClosedLoop.RunAsync(mesh.Gateway, settings.Workers, settings.Duration, backends);
        Console.Error.WriteLine($"[lb] round {round} {policy}: {phase.Summary()}");
        (results.TryGetValue(policy, out var list) ? list : results[policy] = []).Add(phase);
    }
}

// To a file: the hosts' shutdown logs go to the console.
await File.WriteAllTextAsync(args.Length > 0 ? args[0] : "least-request.md", Report.Markdown(settings, results));
