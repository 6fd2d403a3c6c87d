using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Every <see cref="LiveTelemetryOptions.Interval"/>, sends each host's samples to its <see cref="ITelemetryGrain"/>,
/// off the request path: at most one call in flight per grain (what accumulates meanwhile goes with the next call),
/// and what a grain that cannot be reached did not take is kept for <see cref="LiveTelemetryOptions.MaxPendingIntervals"/>
/// intervals, then dropped oldest first. Nothing waits for it but itself.
/// </summary>
internal sealed partial class LiveTelemetryReporter(
    LiveTelemetry live,
    IGrainFactory grains,
    GatewayInstance instance,
    IOptions<LiveTelemetryOptions> options,
    TimeProvider time,
    ILogger<LiveTelemetryReporter> logger) : BackgroundService
{
    private readonly Dictionary<string, HostQueue> _hosts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Report(settings);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was not sent is dropped with the process, as Prometheus samples would be.
        }
    }

    /// <summary>One interval: collect, queue per host, and start a call for every host without one in flight.</summary>
    /// <remarks>A call that failed on this side after the grain took it is sent again: counted twice, rarely.</remarks>
    internal void Report(LiveTelemetryOptions settings)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        var collected = live.Collect(settings.ForgetIdleAfter);
        using var scope = _gate.EnterScope();
        foreach (var (host, samples) in collected)
        {
            if (!_hosts.TryGetValue(host, out var queue))
            {
                _hosts[host] = queue = new HostQueue();
            }

            queue.Pending.Enqueue(new TelemetryReport { GatewayId = instance.Id, Second = second, Samples = [.. samples] });
            while (queue.Pending.Count > settings.MaxPendingIntervals)
            {
                queue.Pending.Dequeue();
            }
        }

        foreach (var (host, queue) in _hosts)
        {
            if (queue.InFlight is { IsCompleted: false } || queue.Pending.Count == 0)
            {
                continue;
            }

            var reports = queue.Pending.ToImmutableArray();
            queue.InFlight = SendAsync(host, queue, reports);
        }
    }

    private async Task SendAsync(string host, HostQueue queue, ImmutableArray<TelemetryReport> reports)
    {
        try
        {
            await grains.GetGrain<ITelemetryGrain>(host).ReportAsync(reports).ConfigureAwait(false);

            // The grain has them: they leave the queue (unless it was trimmed meanwhile, then what is left of them).
            using (_gate.EnterScope())
            {
                for (var i = 0; i < reports.Length && queue.Pending.Count > 0 && ReferenceEquals(queue.Pending.Peek(), reports[i]); i++)
                {
                    queue.Pending.Dequeue();
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReportFailed(host, reports.Length, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live telemetry for {Host} not taken ({Reports} intervals kept for the next try): {Reason}")]
    private partial void LogReportFailed(string host, int reports, string reason);

    private sealed class HostQueue
    {
        public Queue<TelemetryReport> Pending { get; } = new();

        public Task? InFlight { get; set; }
    }
}
