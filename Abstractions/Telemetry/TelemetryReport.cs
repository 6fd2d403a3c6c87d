using System.Collections.Immutable;

namespace OrleansMesh.Telemetry;

/// <summary>What one gateway saw of one host's destinations in one interval, sent to the host's telemetry grain.</summary>
[GenerateSerializer, Immutable, Alias("om.TelemetryReport")]
public sealed record TelemetryReport
{
    /// <summary>The reporting gateway.</summary>
    [Id(0)] public string GatewayId { get; init; } = "";

    /// <summary>The end of the interval, in whole Unix seconds of the gateway's clock.</summary>
    [Id(1)] public long Second { get; init; }

    /// <summary>One sample per (subset, endpoint) that finished requests in the interval.</summary>
    [Id(2)] public ImmutableArray<DestinationSample> Samples { get; init; } = [];
}
