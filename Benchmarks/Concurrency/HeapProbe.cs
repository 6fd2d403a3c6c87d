using System.Diagnostics;
using System.Globalization;

namespace OrleansMesh.Benchmarks.Concurrency;

/// <summary>What the watched process held right after a full, blocking garbage collection.</summary>
/// <param name="HeapBytes">The GC heap after that collection (<c>dotnet.gc.last_collection.heap.size</c>, all generations): live objects plus fragmentation.</param>
/// <param name="CommittedBytes">Memory the GC kept committed after it (<c>dotnet.gc.last_collection.memory.committed_size</c>).</param>
/// <param name="ResidentBytes">The process's VmRSS right after it.</param>
/// <param name="DumpBytes">The live objects the heap dump walked (<c>dotnet-gcdump</c>'s "GC Heap bytes"; may miss some on large heaps: lossy EventPipe buffers).</param>
/// <param name="AllocatedPerSecond">Bytes the process allocated per second in the last second of the counters' sample, after the dump.</param>
internal sealed record HeapSample(long? HeapBytes, long? CommittedBytes, long? ResidentBytes, long? DumpBytes, double? AllocatedPerSecond);

/// <summary>
/// Measures another .NET process's managed heap with the diagnostics tools: <c>dotnet-gcdump collect</c> induces a
/// full blocking collection and walks the live objects (the dump is kept for a per-type report), then
/// <c>dotnet-counters</c> reads the runtime's figures of that collection. Both talk to the runtime's diagnostics
/// port (EventPipe); nothing in the watched process has to expose anything.
/// </summary>
internal static class HeapProbe
{
    public static async Task<HeapSample?> TakeAsync(string tools, int pid, string dumpPath)
    {
        var gcdump = Path.Combine(tools, "dotnet-gcdump");
        var counters = Path.Combine(tools, "dotnet-counters");
        if (!File.Exists(gcdump) || !File.Exists(counters))
        {
            Console.Error.WriteLine($"heap probe: dotnet-gcdump or dotnet-counters missing in {tools}");
            return null;
        }

        if (await RunAsync(gcdump, ["collect", "-p", Invariant(pid), "-o", dumpPath]) is null)
        {
            return null;
        }

        var resident = WatchedProcess.ResidentBytes(pid);
        var csv = Path.ChangeExtension(dumpPath, ".counters.csv");
        await RunAsync(counters, ["collect", "-p", Invariant(pid), "--counters", "System.Runtime", "--duration", "00:00:00:02", "--format", "csv", "-o", csv]);
        var (heap, committed, allocated) = File.Exists(csv) ? LastCollection(csv) : (null, null, null);
        var report = await RunAsync(gcdump, ["report", dumpPath]);
        return new HeapSample(heap, committed, resident, report is null ? null : DumpHeapBytes(report), allocated);
    }

    // The last sample of each gc.last_collection figure (heap size: the sum over generations) and of the allocation rate.
    private static (long? Heap, long? Committed, double? Allocated) LastCollection(string csv)
    {
        var heapByGeneration = new Dictionary<string, long>();
        long? committed = null;
        double? allocated = null;
        foreach (var line in File.ReadLines(csv))
        {
            var fields = line.Split(',');
            if (fields.Length < 5 || !double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var name = fields[2];
            if (name.StartsWith("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal))
            {
                heapByGeneration[name] = (long)value;
            }
            else if (name.StartsWith("dotnet.gc.last_collection.memory.committed_size", StringComparison.Ordinal))
            {
                committed = (long)value;
            }
            else if (name.StartsWith("dotnet.gc.heap.total_allocated", StringComparison.Ordinal))
            {
                allocated = value;
            }
        }
        return (heapByGeneration.Count == 0 ? null : heapByGeneration.Values.Sum(), committed, allocated);
    }

    // The report starts with "   448,747  GC Heap bytes".
    private static long? DumpHeapBytes(string report)
    {
        foreach (var line in report.Split('\n'))
        {
            var at = line.IndexOf("GC Heap bytes", StringComparison.Ordinal);
            if (at > 0 && long.TryParse(line[..at].Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var bytes))
            {
                return bytes;
            }
        }
        return null;
    }

    private static async Task<string?> RunAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Console.Error.WriteLine($"heap probe: {Path.GetFileName(tool)} {arguments[0]} timed out");
            return null;
        }

        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"heap probe: {Path.GetFileName(tool)} {arguments[0]} exited {process.ExitCode}: {(await error).Trim()}");
            return null;
        }
        return await output;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
