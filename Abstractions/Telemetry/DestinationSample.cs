using System.Collections.Immutable;

namespace OrleansMesh.Telemetry;

/// <summary>
/// What was seen of one destination (a host, one of its subsets, one endpoint) over some time: by one gateway in one
/// interval as reported, or by every gateway over a window as a query answers. Samples of one destination add up
/// (<see cref="Merge"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("om.DestinationSample")]
public sealed record DestinationSample
{
    /// <summary>The destination host, as the config names it.</summary>
    [Id(0)] public string Host { get; init; } = "";

    /// <summary>The DestinationRule subset, or "" for none (or, in an answer, every subset together).</summary>
    [Id(1)] public string Subset { get; init; } = "";

    /// <summary>The endpoint (<c>address:port</c>), or "" for every endpoint together.</summary>
    [Id(2)] public string Endpoint { get; init; } = "";

    /// <summary>Requests finished.</summary>
    [Id(3)] public long Requests { get; init; }

    /// <summary>Requests answered 1xx–3xx.</summary>
    [Id(4)] public long Success { get; init; }

    /// <summary>Requests answered 4xx.</summary>
    [Id(5)] public long ClientErrors { get; init; }

    /// <summary>Requests answered 5xx, the mesh's own 5xx included.</summary>
    [Id(6)] public long ServerErrors { get; init; }

    /// <summary>Requests the client left before a response (status 0).</summary>
    [Id(7)] public long Cancelled { get; init; }

    /// <summary>Requests by the response flags the mesh set (Envoy's: <c>UO</c>, <c>UF</c>, <c>UT</c>, <c>RL</c>, …).</summary>
    [Id(8)] public ImmutableDictionary<string, long> Flags { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>Request durations, from the gateway receiving the request to the end of the response.</summary>
    [Id(9)] public LatencySketch Latency { get; init; } = LatencySketch.Empty;

    /// <summary>Time to first token of streamed model responses.</summary>
    [Id(10)] public LatencySketch TimeToFirstToken { get; init; } = LatencySketch.Empty;

    /// <summary>Prompt tokens the model servers reported.</summary>
    [Id(11)] public long InputTokens { get; init; }

    /// <summary>Completion tokens the model servers reported.</summary>
    [Id(12)] public long OutputTokens { get; init; }

    /// <summary>The two samples' sum, named as this one.</summary>
    public DestinationSample Merge(DestinationSample other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var flags = Flags;
        foreach (var (flag, count) in other.Flags)
        {
            flags = flags.SetItem(flag, flags.GetValueOrDefault(flag) + count);
        }

        return this with
        {
            Requests = Requests + other.Requests,
            Success = Success + other.Success,
            ClientErrors = ClientErrors + other.ClientErrors,
            ServerErrors = ServerErrors + other.ServerErrors,
            Cancelled = Cancelled + other.Cancelled,
            Flags = flags,
            Latency = Latency.Merge(other.Latency),
            TimeToFirstToken = TimeToFirstToken.Merge(other.TimeToFirstToken),
            InputTokens = InputTokens + other.InputTokens,
            OutputTokens = OutputTokens + other.OutputTokens,
        };
    }
}
