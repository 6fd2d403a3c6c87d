using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace OrleansMesh.Benchmarks.RequestPath;

/// <summary>
/// Bytes allocated per request through the mesh gateway, next to plain YARP and the backend direct: N sequential
/// requests per target after a warm-up, measured with <see cref="GC.GetTotalAllocatedBytes(bool)"/> (precise, the
/// whole process: client, proxy and backend). A proxy's own cost is its figure minus direct's. With
/// <c>--types</c>, a second pass samples allocations by type (<see cref="AllocationTypeSampler"/>).
/// <c>--chat</c> sends the load benchmark's chat workload (<c>POST</c> with a JSON body naming the model, which the mesh
/// routes on) instead of a <c>GET</c>. <c>--logging</c> keeps the host's default logger providers, as a deployed process
/// has them (without it, none).
/// <c>--concurrency C</c> sends from C connections at once (as the load benchmark's wrk does with 32) instead of one
/// after another: what per-thread caches (pooled async state machines) keep then differs from the sequential case.
/// Usage: <c>dotnet OrleansMesh.Benchmarks.dll alloc [--requests N] [--warmup N] [--concurrency C] [--types] [--chat] [--logging] [--access-log] [--tracing] [--timeouts]</c>; <c>--timeouts</c> gives the mesh's routes a timeout and retries (the load benchmark's <c>BENCH_FEATURES=all</c>).
/// </summary>
internal static class AllocationHarness
{
    // Benchmarks/Load/chat.lua's body.
    private static readonly byte[] s_chatBody =
        """{"model":"bench-model","messages":[{"role":"system","content":"You are a terse assistant."},{"role":"user","content":"Say ok."}],"max_tokens":16,"stream":false}"""u8.ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 20_000);
        var warmup = Option(args, "--warmup", 20_000);
        var concurrency = Option(args, "--concurrency", 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1, "--concurrency");
        var types = args.Contains("--types");
        var chat = args.Contains("--chat");
        var environment = args.Contains("--access-log") ? "Development" : "Production";
        var logging = args.Contains("--logging");
        var timeouts = args.Contains("--timeouts");
        var settings = new Dictionary<string, string?>();
        if (args.Contains("--tracing"))
        {
            settings["OrleansMesh:Gateway:Telemetry:Tracing"] = "true";
        }

        var (backend, backendAddress) = await HarnessServers.StartBackendAsync(logging);
        var (yarp, yarpAddress) = await HarnessServers.StartYarpAsync(backendAddress, logging);
        var (mesh, meshAddress) = await HarnessServers.StartMeshAsync(backendAddress, environment, settings, logging, timeouts);
        using var client = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
        try
        {
            var targets = new (string Name, Uri Address)[] { ("direct", backendAddress), ("yarp", yarpAddress), ("mesh", meshAddress) };
            var results = new Dictionary<string, (double Bytes, double Gen0, double CpuUs)>();
            foreach (var (name, address) in targets)
            {
                await SendAsync(client, address, warmup, chat, concurrency);
                results[name] = await MeasureAsync(client, address, requests, chat, concurrency);
            }

            Console.WriteLine($"# Allocation harness: {requests:N0} {(concurrency == 1 ? "sequential" : $"concurrent (from {concurrency} connections)")} {(chat ? "chat (POST, model in the body)" : "GET")} requests per target after {warmup:N0} of warm-up; mesh environment {environment}, tracing {(settings.Count > 0 ? "on" : "default")}, routes {(timeouts ? "with a timeout and retries" : "without timeouts")}, logger providers {(logging ? "the host's defaults" : "none")}");
            Console.WriteLine();
            Console.WriteLine("| Target | Bytes/request (process) | Bytes/request (proxy only = target - direct) | Gen0 GCs per 1k requests | CPU µs/request (process) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (name, _) in targets)
            {
                var r = results[name];
                var own = name == "direct" ? "-" : (r.Bytes - results["direct"].Bytes).ToString("N0", CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.Bytes:N0} | {own} | {r.Gen0:F2} | {r.CpuUs:F1} |"));
            }

            if (types)
            {
                await PrintTypesAsync(client, targets, requests * 5, chat, concurrency);
            }

            return 0;
        }
        finally
        {
            await mesh.StopAsync();
            await yarp.StopAsync();
            await backend.StopAsync();
            await mesh.DisposeAsync();
            await yarp.DisposeAsync();
            await backend.DisposeAsync();
        }
    }

    private static async Task<(double Bytes, double Gen0, double CpuUs)> MeasureAsync(HttpMessageInvoker client, Uri address, int requests, bool chat, int concurrency)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var gen0 = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await SendAsync(client, address, requests, chat, concurrency);
        var after = GC.GetTotalAllocatedBytes(precise: true);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return ((after - before) / (double)requests, (GC.CollectionCount(0) - gen0) * 1000.0 / requests, cpuUsed.TotalMicroseconds / requests);
    }

    private static async Task PrintTypesAsync(HttpMessageInvoker client, (string Name, Uri Address)[] targets, int requests, bool chat, int concurrency)
    {
        using var sampler = new AllocationTypeSampler();
        var byTarget = new Dictionary<string, Dictionary<string, long>>();
        foreach (var (name, address) in targets)
        {
            sampler.Start();
            await SendAsync(client, address, requests, chat, concurrency);
            byTarget[name] = sampler.Stop();
        }

        foreach (var (name, _) in targets.Skip(1))
        {
            Console.WriteLine();
            Console.WriteLine($"## {name}: sampled bytes per request by type, minus direct's (AllocationTick, ~100 KB per sample, {requests:N0} requests)");
            Console.WriteLine();
            Console.WriteLine("| Type | Bytes/request |");
            Console.WriteLine("| --- | ---: |");
            var direct = byTarget["direct"];
            var rows = byTarget[name]
                .Select(kv => (Type: kv.Key, Bytes: (kv.Value - direct.GetValueOrDefault(kv.Key)) / (double)requests))
                .Where(r => Math.Abs(r.Bytes) >= 8)
                .OrderByDescending(r => r.Bytes);
            foreach (var (type, bytes) in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{type}` | {bytes:N0} |"));
            }
        }
    }

    private static Task SendAsync(HttpMessageInvoker client, Uri address, int count, bool chat, int concurrency) =>
        concurrency == 1
            ? SendSequentiallyAsync(client, address, count, chat)
            : Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(() => SendSequentiallyAsync(client, address, count / concurrency + (i < count % concurrency ? 1 : 0), chat))));

    private static async Task SendSequentiallyAsync(HttpMessageInvoker client, Uri address, int count, bool chat)
    {
        var uri = new Uri(address, "/v1/chat/completions");
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(chat ? HttpMethod.Post : HttpMethod.Get, uri);
            request.Headers.Host = HarnessServers.Host;
            if (chat)
            {
                request.Content = new ByteArrayContent(s_chatBody) { Headers = { ContentType = new("application/json") } };
            }

            using var response = await client.SendAsync(request, CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{address} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await response.Content.CopyToAsync(Stream.Null);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
