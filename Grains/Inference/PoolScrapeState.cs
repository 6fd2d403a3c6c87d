using System.Collections.Immutable;
using OrleansMesh.Inference;

namespace OrleansMesh.Grains.Inference;

/// <summary>
/// The pure state behind <see cref="InferencePoolGrain"/>: which endpoints to scrape (the union of the members the
/// gateways that reported lately have in their snapshots), each endpoint's last good scrape, what the gateways sent it
/// since that scrape began, and the prefix hints to pass on. Time comes in as arguments; nothing here does I/O.
/// </summary>
internal sealed class PoolScrapeState(string pool, TimeSpan gatewayExpiry, int maxPrefixHints)
{
    private readonly Dictionary<string, (ImmutableArray<string> Members, DateTimeOffset At)> gateways = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Sequence, ImmutableDictionary<string, int> Counts)> inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointRecord> endpoints = new(StringComparer.Ordinal);
    private readonly List<PrefixHint> hints = [];
    private long sequence;
    private long inFlightSequence;

    /// <summary>True while some gateway reported within the expiry: the grain scrapes only then.</summary>
    public bool Active(DateTimeOffset now) => gateways.Values.Any(g => now - g.At < gatewayExpiry);

    public void Report(PoolDispatchReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        gateways[report.GatewayId] = (report.Members.IsDefault ? [] : report.Members, now);
        foreach (var member in report.Members.IsDefault ? [] : report.Members)
        {
            Record(member);
        }

        foreach (var (endpoint, count) in report.Dispatched)
        {
            if (count > 0 && endpoints.TryGetValue(endpoint, out var record))
            {
                record.Dispatched = (int)Math.Min((long)record.Dispatched + count, int.MaxValue);
            }
        }

        foreach (var hint in report.Prefixes.IsDefault ? [] : report.Prefixes)
        {
            if (hints.Count >= maxPrefixHints)
            {
                break;
            }

            hints.Add(hint);
        }
    }

    /// <summary>
    /// Takes a gateway's requests in flight per member, unless a newer report of it is already here (one-way messages
    /// may cross). False when it was older: nothing changed.
    /// </summary>
    public bool ReportInFlight(PoolInFlightReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (inFlight.TryGetValue(report.GatewayId, out var held) && held.Sequence >= report.Sequence)
        {
            return false;
        }

        inFlight[report.GatewayId] = (report.Sequence, report.InFlight ?? ImmutableDictionary<string, int>.Empty);
        return true;
    }

    /// <summary>The sums to push now, with the report of each gateway they hold.</summary>
    public PoolInFlight InFlightPush(string activation)
    {
        var totals = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var included = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var (gateway, (reported, counts)) in inFlight)
        {
            included[gateway] = reported;
            foreach (var (endpoint, count) in counts)
            {
                if (count > 0)
                {
                    totals[endpoint] = totals.GetValueOrDefault(endpoint) + count;
                }
            }
        }

        return new PoolInFlight { Pool = pool, Sequence = ++inFlightSequence, Totals = totals.ToImmutable(), Included = included.ToImmutable(), Activation = activation };
    }

    /// <summary>The endpoints to scrape now; forgets gateways past the expiry and endpoints no live gateway has.</summary>
    public IReadOnlyList<string> Targets(DateTimeOffset now)
    {
        foreach (var gateway in gateways.Where(g => now - g.Value.At >= gatewayExpiry).Select(g => g.Key).ToList())
        {
            gateways.Remove(gateway);
        }

        // Counts of a gateway that expired, or that never sent a full report, are no one's.
        foreach (var gateway in inFlight.Keys.Where(g => !gateways.ContainsKey(g)).ToList())
        {
            inFlight.Remove(gateway);
        }

        var live = gateways.Values.SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in endpoints.Keys.Where(e => !live.Contains(e)).ToList())
        {
            endpoints.Remove(gone);
        }

        return [.. endpoints.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>A scrape is about to start: what was sent until now will show in it.</summary>
    public void Starting(string endpoint)
    {
        if (endpoints.TryGetValue(endpoint, out var record))
        {
            record.CountedByScrape = record.Dispatched;
        }
    }

    public void Scraped(string endpoint, ScrapedLoad load, DateTimeOffset now)
    {
        if (endpoints.TryGetValue(endpoint, out var record))
        {
            record.Last = load;
            record.ScrapedAt = now;
            record.Error = null;
            record.Dispatched = Math.Max(0, record.Dispatched - record.CountedByScrape);
            record.CountedByScrape = 0;
        }
    }

    public void Failed(string endpoint, string error)
    {
        if (endpoints.TryGetValue(endpoint, out var record))
        {
            record.Error = error;
            record.CountedByScrape = 0;
        }
    }

    /// <summary>The load to push now, with the hints gathered since the previous push.</summary>
    public PoolLoad Publish(DateTimeOffset now)
    {
        var loads = endpoints.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Value.ToLoad(e.Key, now) with { InFlight = inFlight.Values.Sum(g => Math.Max(0, g.Counts.GetValueOrDefault(e.Key))) })
            .ToImmutableArray();
        var prefixes = hints.ToImmutableArray();
        hints.Clear();
        return new PoolLoad { Pool = pool, Sequence = ++sequence, Endpoints = loads, Prefixes = prefixes };
    }

    private void Record(string endpoint)
    {
        if (!endpoints.ContainsKey(endpoint))
        {
            endpoints[endpoint] = new EndpointRecord();
        }
    }

    private sealed class EndpointRecord
    {
        public ScrapedLoad? Last { get; set; }

        public DateTimeOffset ScrapedAt { get; set; }

        public string? Error { get; set; }

        public int Dispatched { get; set; }

        public int CountedByScrape { get; set; }

        public EndpointLoad ToLoad(string endpoint, DateTimeOffset now) => Last is { } last
            ? new EndpointLoad
            {
                Endpoint = endpoint,
                Waiting = last.Waiting,
                Running = last.Running,
                KvCacheUsage = last.KvCacheUsage,
                RunningAdapters = last.RunningAdapters,
                WaitingAdapters = last.WaitingAdapters,
                MaxLora = last.MaxLora,
                Dispatched = Dispatched,
                Age = now - ScrapedAt,
                Error = Error,
            }
            : new EndpointLoad { Endpoint = endpoint, Dispatched = Dispatched, Error = Error ?? "not scraped yet" };
    }
}
