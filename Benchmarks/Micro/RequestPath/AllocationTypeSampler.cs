using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace OrleansMesh.Benchmarks.RequestPath;

/// <summary>
/// The runtime's <c>GCAllocationTick</c> events (one per ~100 KB allocated, naming the type that crossed the mark),
/// summed by type: a sampled breakdown of what a phase allocated, read in-process.
/// </summary>
internal sealed class AllocationTypeSampler : EventListener
{
    private const int AllocationTickId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start()
    {
        _bytes.Clear();
        _recording = true;
    }

    /// <summary>Stops recording and returns the sampled bytes per type.</summary>
    public Dictionary<string, long> Stop()
    {
        _recording = false;
        return new Dictionary<string, long>(_bytes, StringComparer.Ordinal);
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != AllocationTickId || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
