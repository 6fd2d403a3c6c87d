using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansMesh.Benchmarks.Concurrency;

/// <summary>
/// Opens <see cref="ClientSettings.Streams"/> streamed chat completions at once (started evenly over the ramp), and
/// for every token that arrives inside the measured window records its delay — arrival time minus the time the
/// backend wrote it (both CLOCK_MONOTONIC) — and the gap since the stream's previous token. With
/// <c>--watch-pid</c> it also reads that process's resident memory before the first stream and in the middle of
/// the window. Prints one line of <c>key=value</c> results (and appends it to <c>--out</c>).
/// </summary>
internal static class StreamClient
{
    public static async Task<int> RunAsync(ClientSettings settings)
    {
        var delays = new LatencyHistogram();
        var gaps = new LatencyHistogram();
        var open = 0;
        var failed = 0;
        var completedEarly = 0;
        string? firstError = null;
        using var handler = Handler(settings);
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var body = Encoding.UTF8.GetBytes(
            $$"""{"model":"bench-model","stream":true,"max_tokens":{{settings.TokensPerStream}},"messages":[{"role":"user","content":"Count."}]}""");

        var heapBefore = await ProbeAsync(settings, "before");
        var rssBefore = WatchedProcess.ResidentBytes(settings.WatchPid);
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + Ticks(settings.Ramp + settings.Settle);
        var windowEnd = windowStart + Ticks(settings.Window);
        using var stop = new CancellationTokenSource();

        async Task OneStream(int index)
        {
            await Until(start + Ticks(settings.Ramp * index / settings.Streams), stop.Token);
            var counted = false;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Host = settings.Host;
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new HttpRequestException($"status {(int)response.StatusCode}");
                }
                Interlocked.Increment(ref open);
                counted = true;
                await using var stream = await response.Content.ReadAsStreamAsync(stop.Token);
                await ReadTokensAsync(stream, windowStart, windowEnd, delays, gaps, stop.Token);
                if (Stopwatch.GetTimestamp() < windowEnd)
                {
                    Interlocked.Increment(ref completedEarly);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
            {
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstError, e.Message, null);
            }
            finally
            {
                if (counted)
                {
                    Interlocked.Decrement(ref open);
                }
            }
        }

        var streams = Enumerable.Range(0, settings.Streams).Select(i => Task.Run(() => OneStream(i))).ToArray();

        await Until(windowStart);
        var cpuBefore = WatchedProcess.CpuSeconds(settings.WatchPid);
        // The middle of the window: every stream should be open and streaming.
        await Until(windowStart + Ticks(settings.Window / 2));
        var openAtMiddle = Volatile.Read(ref open);
        var rssMiddle = WatchedProcess.ResidentBytes(settings.WatchPid);
        await Until(windowEnd);
        var cpuWindow = WatchedProcess.CpuSeconds(settings.WatchPid);
        // After the window (its timings untouched by the probe's full GC), with the streams still open.
        var openAtProbe = Volatile.Read(ref open);
        var heapOpen = await ProbeAsync(settings, "open");
        var openAfterProbe = Volatile.Read(ref open);
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        var line = Summary(settings, openAtMiddle, failed, completedEarly, delays, gaps, rssBefore, rssMiddle, cpuBefore, cpuWindow, firstError)
            + HeapSummary(heapBefore, heapOpen, Math.Min(openAtProbe, openAfterProbe));
        Console.WriteLine(line);
        if (settings.Output is { } output)
        {
            await File.AppendAllTextAsync(output, line + Environment.NewLine);
        }
        return 0;
    }

    private static async Task ReadTokensAsync(Stream stream, long windowStart, long windowEnd, LatencyHistogram delays, LatencyHistogram gaps, CancellationToken cancel)
    {
        var buffer = new byte[8192];
        var filled = 0;
        long previous = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancel);
            if (read == 0)
            {
                return;
            }
            var now = Stopwatch.GetTimestamp();
            filled += read;
            var consumed = 0;
            int end;
            while ((end = buffer.AsSpan(consumed, filled - consumed).IndexOf("\n\n"u8)) >= 0)
            {
                var evt = buffer.AsSpan(consumed, end);
                consumed += end + 2;
                var at = evt.IndexOf("\"t\":"u8);
                if (at < 0 || !long.TryParse(Encoding.ASCII.GetString(evt[(at + 4)..].TrimEnd("}"u8)), NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
                {
                    continue;
                }
                if (now >= windowStart && now < windowEnd)
                {
                    delays.Record(Micro(now - sent));
                    if (previous != 0)
                    {
                        gaps.Record(Micro(now - previous));
                    }
                }
                previous = now;
            }
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                filled = 0; // an event this long is not ours
            }
        }
    }

    private static SocketsHttpHandler Handler(ClientSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (settings.SourceAddresses > 1)
        {
            // Ephemeral ports are per source address: spread the connections over 127.0.0.1..K when one address
            // does not have enough of them.
            var next = 0;
            handler.ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    var source = 1 + (Interlocked.Increment(ref next) % settings.SourceAddresses);
                    socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)source]), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return handler;
    }

    private static string Summary(ClientSettings settings, int openAtMiddle, int failed, int completedEarly, LatencyHistogram delays, LatencyHistogram gaps,
        long? rssBefore, long? rssMiddle, double? cpuBefore, double? cpuWindow, string? firstError)
    {
        var perStream = rssBefore is { } before && rssMiddle is { } middle && openAtMiddle > 0 ? (middle - before) / 1024.0 / openAtMiddle : double.NaN;
        var cpuCores = cpuBefore is { } a && cpuWindow is { } b ? (b - a) / settings.Window.TotalSeconds : double.NaN;
        string F(FormattableString part) => FormattableString.Invariant(part);
        return string.Join(' ',
            F($"label={settings.Label} streams={settings.Streams} open={openAtMiddle} failed={failed} ended_early={completedEarly} tokens={delays.Count}"),
            F($"delay_p50_ms={delays.Percentile(0.50):F2} delay_p99_ms={delays.Percentile(0.99):F2} delay_p999_ms={delays.Percentile(0.999):F2} delay_max_ms={delays.MaxMilliseconds:F1}"),
            F($"gap_p50_ms={gaps.Percentile(0.50):F2} gap_p99_ms={gaps.Percentile(0.99):F2} gap_max_ms={gaps.MaxMilliseconds:F1}"),
            F($"rss_before_mb={(rssBefore ?? 0) / 1048576.0:F1} rss_open_mb={(rssMiddle ?? 0) / 1048576.0:F1} kb_per_stream={perStream:F1} watched_cpu_cores={cpuCores:F2}"),
            firstError is null ? "" : F($"first_error=\"{firstError}\"")).TrimEnd();
    }

    private static async Task<HeapSample?> ProbeAsync(ClientSettings settings, string moment)
    {
        if (settings.HeapTools is not { } tools || settings.WatchPid is not { } pid)
        {
            return null;
        }

        var directory = settings.DumpDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(directory);
        return await HeapProbe.TakeAsync(tools, pid, Path.Combine(directory, $"{settings.Label}-{moment}.gcdump"));
    }

    // Per stream: the growth from before the first stream to the streams open, both right after a full GC, over the
    // streams open during the probe (the smaller of the counts at its start and end).
    private static string HeapSummary(HeapSample? before, HeapSample? open, int streams)
    {
        if (before is null || open is null || streams <= 0)
        {
            return "";
        }

        string PerStream(long? a, long? b) => a is { } x && b is { } y ? ((y - x) / 1024.0 / streams).ToString("F1", CultureInfo.InvariantCulture) : "NaN";
        string Mb(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "NaN";
        return FormattableString.Invariant($" probe_open={streams}")
            + $" gc_heap_before_mb={Mb(before.HeapBytes)} gc_heap_open_mb={Mb(open.HeapBytes)} gc_heap_kb_per_stream={PerStream(before.HeapBytes, open.HeapBytes)}"
            + $" live_dump_kb_per_stream={PerStream(before.DumpBytes, open.DumpBytes)}"
            + $" gc_committed_before_mb={Mb(before.CommittedBytes)} gc_committed_open_mb={Mb(open.CommittedBytes)} gc_committed_kb_per_stream={PerStream(before.CommittedBytes, open.CommittedBytes)}"
            + $" rss_after_gc_before_mb={Mb(before.ResidentBytes)} rss_after_gc_open_mb={Mb(open.ResidentBytes)} rss_after_gc_kb_per_stream={PerStream(before.ResidentBytes, open.ResidentBytes)}"
            + $" allocated_mb_per_s={(open.AllocatedPerSecond is { } rate ? (rate / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "NaN")}";
    }

    private static Task Until(long timestamp, CancellationToken cancel = default)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancel) : Task.CompletedTask;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static long Micro(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
}
