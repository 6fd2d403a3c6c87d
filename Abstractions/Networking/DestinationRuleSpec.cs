using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>The spec of a <see cref="DestinationRule"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.DestinationRuleSpec")]
public sealed record DestinationRuleSpec
{
    /// <summary>The service host the rule applies to.</summary>
    [Id(0)] public string Host { get; init; } = "";

    /// <summary>Policies for every subset unless a subset overrides them.</summary>
    [Id(1)] public TrafficPolicy? TrafficPolicy { get; init; }

    /// <summary>Named groups of endpoints, selected by labels.</summary>
    [Id(2)] public ImmutableArray<Subset> Subsets { get; init; } = [];

    /// <summary>Namespaces the rule is visible to. Stored.</summary>
    [Id(3)] public ImmutableArray<string> ExportTo { get; init; } = [];
}
