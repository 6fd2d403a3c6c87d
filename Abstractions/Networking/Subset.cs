using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>Subset</c>: the endpoints whose labels include all of <see cref="Labels"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.Subset")]
public sealed record Subset
{
    /// <summary>The subset name, referenced by <see cref="Destination.Subset"/>.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>Labels an endpoint must carry to belong to the subset.</summary>
    [Id(1)] public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Overrides the rule's policy for this subset, field by field.</summary>
    [Id(2)] public TrafficPolicy? TrafficPolicy { get; init; }
}
