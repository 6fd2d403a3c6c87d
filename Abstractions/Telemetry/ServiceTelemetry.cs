using System.Collections.Immutable;

namespace OrleansMesh.Telemetry;

/// <summary>Everything every gateway reported of one host over a window, by subset and by endpoint.</summary>
[GenerateSerializer, Immutable, Alias("om.ServiceTelemetry")]
public sealed record ServiceTelemetry
{
    /// <summary>The host.</summary>
    [Id(0)] public string Host { get; init; } = "";

    /// <summary>The window's end, in whole Unix seconds.</summary>
    [Id(1)] public long Until { get; init; }

    /// <summary>The window's length.</summary>
    [Id(2)] public TimeSpan Window { get; init; }

    /// <summary>One sample per subset (<see cref="DestinationSample.Endpoint"/> "").</summary>
    [Id(3)] public ImmutableArray<DestinationSample> Subsets { get; init; } = [];

    /// <summary>One sample per (subset, endpoint).</summary>
    [Id(4)] public ImmutableArray<DestinationSample> Endpoints { get; init; } = [];

    /// <summary>Gateways that reported in the window.</summary>
    [Id(5)] public int Gateways { get; init; }

    /// <summary>The sample of <paramref name="subset"/> ("" for none), or an empty one.</summary>
    public DestinationSample Subset(string subset) =>
        Subsets.FirstOrDefault(s => s.Subset == subset) ?? new DestinationSample { Host = Host, Subset = subset };
}
