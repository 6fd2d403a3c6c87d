using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>WorkloadSelector</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.WorkloadSelector")]
public sealed record WorkloadSelector
{
    /// <summary>Labels a workload must carry.</summary>
    [Id(0)] public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;
}
