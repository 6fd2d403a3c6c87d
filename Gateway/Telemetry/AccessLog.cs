using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// The request path's side of the access log: <see cref="Log"/> queues an entry and returns; <see cref="AccessLogWriter"/>
/// formats and writes it off the request path. When the writer falls behind, entries are dropped and counted.
/// </summary>
internal sealed class AccessLog
{
    private readonly Channel<AccessLogEntry> _entries;
    private long _dropped;

    public AccessLog(IOptions<AccessLogOptions> options, IHostEnvironment environment, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(meters);
        Enabled = options.Value.Enabled ?? environment.IsDevelopment();
        _entries = Channel.CreateBounded<AccessLogEntry>(new BoundedChannelOptions(options.Value.Capacity)
        {
            // TryWrite never waits in this mode: it returns false when full, which is what is counted.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        meters.Create(MeshMetricNames.MeterName)
            .CreateObservableCounter(MeshMetricNames.AccessLogDropped, () => Dropped, description: "Access log lines dropped because the writer fell behind.");
    }

    /// <summary>Whether entries are kept; the request path may skip building one when not.</summary>
    public bool Enabled { get; }

    /// <summary>Entries dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal ChannelReader<AccessLogEntry> Reader => _entries.Reader;

    /// <summary>Queues one request's entry without waiting; drops it (and counts it) when the queue is full.</summary>
    public void Log(in AccessLogEntry entry)
    {
        if (Enabled && !_entries.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    internal void Complete() => _entries.Writer.TryComplete();
}
