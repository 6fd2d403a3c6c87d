using System.Globalization;

namespace OrleansMesh.Benchmarks.Concurrency;

/// <summary>What the client opens and for how long: streams start evenly over the ramp, then settle, then the window is measured.</summary>
internal sealed record ClientSettings(
    Uri Url,
    string Host,
    int Streams,
    TimeSpan Ramp,
    TimeSpan Settle,
    TimeSpan Window,
    TimeSpan Interval,
    int? WatchPid,
    string Label,
    int SourceAddresses,
    string? Output,
    string? HeapTools,
    string? DumpDirectory)
{
    /// <summary>
    /// Tokens each stream asks for: enough to stay open from its start to past the end of the window, and through the
    /// heap probe that follows it (a heap dump of 10,000 streams takes seconds).
    /// </summary>
    public int TokensPerStream => (int)((Ramp + Settle + Window + TimeSpan.FromSeconds(HeapTools is null ? 5 : 60)) / Interval);

    public static ClientSettings Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
        double Number(string name, double fallback) => Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

        return new ClientSettings(
            new Uri(Value("--url") ?? throw new ArgumentException("--url is required")),
            Value("--host") ?? "backend.bench.local",
            (int)Number("--streams", 1000),
            TimeSpan.FromSeconds(Number("--ramp-s", 10)),
            TimeSpan.FromSeconds(Number("--settle-s", 3)),
            TimeSpan.FromSeconds(Number("--window-s", 10)),
            TimeSpan.FromMilliseconds(Number("--interval-ms", 50)),
            Value("--watch-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Value("--label") ?? "run",
            (int)Number("--source-addresses", 1),
            Value("--out"),
            Value("--heap-tools"),
            Value("--dump-dir"));
    }
}
