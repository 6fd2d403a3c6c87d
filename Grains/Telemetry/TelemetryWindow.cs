using System.Collections.Immutable;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Grains.Telemetry;

/// <summary>
/// One host's samples from every gateway in a sliding window: per second for the last 15 minutes, per minute for the
/// last hour (seconds are folded into their minute as they age out). Reports are placed by the second they name, so a
/// gateway that reports late (after losing the grain) still lands in the right place; reports from the future
/// (beyond a few seconds of clock skew) or older than the hour are dropped.
/// </summary>
internal sealed class TelemetryWindow(TimeProvider time)
{
    public const int SecondSlots = 900;
    public const int MinuteSlots = 60;
    private const int AllowedSkewSeconds = 5;

    private readonly Slot[] _seconds = [.. Enumerable.Range(0, SecondSlots).Select(_ => new Slot())];
    private readonly Slot[] _minutes = [.. Enumerable.Range(0, MinuteSlots).Select(_ => new Slot())];

    /// <summary>The longest window a query may ask for.</summary>
    public static TimeSpan MaxWindow { get; } = TimeSpan.FromMinutes(MinuteSlots);

    /// <summary>Adds one gateway's report; false when it was dropped as too old or from the future.</summary>
    public bool Add(TelemetryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = Now();
        Expire(now);
        if (report.Second > now + AllowedSkewSeconds || report.Second <= now - (MinuteSlots * 60))
        {
            return false;
        }

        var slot = report.Second > now - SecondSlots ? SecondSlot(report.Second) : MinuteSlot(report.Second / 60);
        slot.Add(report.GatewayId, report.Samples);
        return true;
    }

    /// <summary>What every gateway reported for <paramref name="host"/> in the last <paramref name="window"/>.</summary>
    public ServiceTelemetry Query(string host, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxWindow);
        var now = Now();
        Expire(now);
        var from = now - (long)Math.Ceiling(window.TotalSeconds);
        var endpoints = new Dictionary<(string Subset, string Endpoint), DestinationSample>();
        var gateways = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slot in _seconds)
        {
            if (slot.Key > from && slot.Key <= now + AllowedSkewSeconds)
            {
                slot.AddTo(endpoints, gateways);
            }
        }

        // Minutes hold only what aged out of the seconds, so the two never count a sample twice.
        foreach (var slot in _minutes)
        {
            if (window.TotalSeconds > SecondSlots && slot.Key >= 0 && (slot.Key * 60) + 59 > from)
            {
                slot.AddTo(endpoints, gateways);
            }
        }

        var subsets = endpoints.Values
            .GroupBy(s => s.Subset, StringComparer.Ordinal)
            .Select(g => g.Aggregate(new DestinationSample { Host = host, Subset = g.Key }, (total, s) => total.Merge(s) with { Endpoint = "" }))
            .OrderBy(s => s.Subset, StringComparer.Ordinal);
        return new ServiceTelemetry
        {
            Host = host,
            Until = now,
            Window = window,
            Subsets = [.. subsets],
            Endpoints = [.. endpoints.Values.OrderBy(s => s.Subset, StringComparer.Ordinal).ThenBy(s => s.Endpoint, StringComparer.Ordinal)],
            Gateways = gateways.Count,
        };
    }

    /// <summary>
    /// The last <paramref name="window"/> (whole seconds, at most <see cref="SecondSlots"/>) of <paramref name="host"/>
    /// in consecutive steps of <paramref name="step"/> (whole seconds, at least one), oldest first, subsets only.
    /// </summary>
    public ImmutableArray<ServiceTelemetry> Series(string host, TimeSpan window, TimeSpan step)
    {
        var stepSeconds = Math.Max(1L, (long)step.TotalSeconds);
        var windowSeconds = Math.Clamp((long)window.TotalSeconds, stepSeconds, SecondSlots);
        var count = (int)(windowSeconds / stepSeconds);
        var now = Now();
        Expire(now);
        var from = now - (count * stepSeconds);
        var points = new Dictionary<string, DestinationSample>[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = new Dictionary<string, DestinationSample>(StringComparer.Ordinal);
        }

        foreach (var slot in _seconds)
        {
            if (slot.Key > from && slot.Key <= now)
            {
                slot.AddBySubset(points[(int)((slot.Key - from - 1) / stepSeconds)]);
            }
        }

        var stepSpan = TimeSpan.FromSeconds(stepSeconds);
        return [.. points.Select((subsets, i) => new ServiceTelemetry
        {
            Host = host,
            Until = from + ((i + 1) * stepSeconds),
            Window = stepSpan,
            Subsets = [.. subsets.Values.Select(s => s with { Host = host }).OrderBy(s => s.Subset, StringComparer.Ordinal)],
        })];
    }

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();

    private Slot SecondSlot(long second)
    {
        var slot = _seconds[second % SecondSlots];
        if (slot.Key != second)
        {
            Fold(slot);
            slot.Reset(second);
        }

        return slot;
    }

    private Slot MinuteSlot(long minute)
    {
        var slot = _minutes[minute % MinuteSlots];
        if (slot.Key != minute)
        {
            slot.Reset(minute);
        }

        return slot;
    }

    // Seconds that left the 15-minute window move to their minute.
    private void Expire(long now)
    {
        foreach (var slot in _seconds)
        {
            if (slot.Key >= 0 && slot.Key <= now - SecondSlots)
            {
                Fold(slot);
                slot.Reset(-1);
            }
        }
    }

    private void Fold(Slot second)
    {
        if (second.Key >= 0 && !second.IsEmpty)
        {
            MinuteSlot(second.Key / 60).AddFrom(second);
        }
    }

    private sealed class Slot
    {
        private readonly Dictionary<(string Subset, string Endpoint), DestinationSample> _samples = [];
        private readonly HashSet<string> _gateways = new(StringComparer.Ordinal);

        /// <summary>The second (or minute) the slot holds, -1 when none.</summary>
        public long Key { get; private set; } = -1;

        public bool IsEmpty => _samples.Count == 0;

        public void Reset(long key)
        {
            Key = key;
            _samples.Clear();
            _gateways.Clear();
        }

        public void Add(string gateway, ImmutableArray<DestinationSample> samples)
        {
            _gateways.Add(gateway);
            foreach (var sample in samples)
            {
                Merge((sample.Subset, sample.Endpoint), sample);
            }
        }

        public void AddFrom(Slot other)
        {
            _gateways.UnionWith(other._gateways);
            foreach (var (key, sample) in other._samples)
            {
                Merge(key, sample);
            }
        }

        public void AddTo(Dictionary<(string Subset, string Endpoint), DestinationSample> samples, HashSet<string> gateways)
        {
            gateways.UnionWith(_gateways);
            foreach (var (key, sample) in _samples)
            {
                samples[key] = samples.TryGetValue(key, out var total) ? total.Merge(sample) : sample;
            }
        }

        public void AddBySubset(Dictionary<string, DestinationSample> subsets)
        {
            foreach (var ((subset, _), sample) in _samples)
            {
                subsets[subset] = subsets.TryGetValue(subset, out var total)
                    ? total.Merge(sample)
                    : sample with { Endpoint = "" };
            }
        }

        private void Merge((string Subset, string Endpoint) key, DestinationSample sample) =>
            _samples[key] = _samples.TryGetValue(key, out var total) ? total.Merge(sample) : sample;
    }
}
