using System.Collections.Concurrent;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// This gateway's live counters per destination (host, subset, endpoint), recorded on the request path and collected
/// each interval by <see cref="LiveTelemetryReporter"/>. Recording is a dictionary lookup and interlocked adds.
/// </summary>
internal sealed class LiveTelemetry
{
    private readonly ConcurrentDictionary<(string Host, string Subset, string Endpoint), DestinationCounters> _destinations = new();

    public void Record(string host, string? subset, string? endpoint, int statusCode, string? flags, TimeSpan duration, TimeSpan? timeToFirstToken, long inputTokens, long outputTokens)
    {
        var key = (host, subset ?? "", endpoint ?? "");
        if (!_destinations.TryGetValue(key, out var counters))
        {
            counters = _destinations.GetOrAdd(key, static k => new DestinationCounters(k.Host, k.Subset, k.Endpoint));
        }

        counters.Record(statusCode, flags, duration, timeToFirstToken, inputTokens, outputTokens);
    }

    /// <summary>Each destination's delta since the last call, grouped by host; forgets destinations idle that long.</summary>
    public Dictionary<string, List<DestinationSample>> Collect(int forgetIdleAfter)
    {
        var byHost = new Dictionary<string, List<DestinationSample>>(StringComparer.Ordinal);
        foreach (var (key, counters) in _destinations)
        {
            if (counters.TakeDelta() is { } sample)
            {
                if (!byHost.TryGetValue(key.Host, out var samples))
                {
                    byHost[key.Host] = samples = [];
                }

                samples.Add(sample);
            }
            else if (counters.IdleTakes >= forgetIdleAfter)
            {
                // A request racing this removal is counted in counters no one collects: one lost sample after ten idle minutes.
                _destinations.TryRemove(key, out _);
            }
        }

        return byHost;
    }
}
