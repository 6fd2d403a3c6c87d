using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>WorkloadEntry</c> spec, also the shape of a ServiceEntry's inline endpoint.</summary>
[GenerateSerializer, Immutable, Alias("om.WorkloadEntrySpec")]
public sealed record WorkloadEntrySpec
{
    /// <summary>IP address or host name of the workload.</summary>
    [Id(0)] public string Address { get; init; } = "";

    /// <summary>Service port name to the workload's port number.</summary>
    [Id(1)] public ImmutableDictionary<string, uint> Ports { get; init; } = ImmutableDictionary<string, uint>.Empty;

    /// <summary>Labels, matched by subsets and selectors.</summary>
    [Id(2)] public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Network name. Stored.</summary>
    [Id(3)] public string? Network { get; init; }

    /// <summary>Locality (region/zone/subzone). Stored.</summary>
    [Id(4)] public string? Locality { get; init; }

    /// <summary>Relative load-balancing weight. Default: 1.</summary>
    [Id(5)] public uint? Weight { get; init; }

    /// <summary>Service account of the workload.</summary>
    [Id(6)] public string? ServiceAccount { get; init; }
}
