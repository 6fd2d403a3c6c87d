using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>HeaderOperations</c>: set, add and remove, applied in that order.</summary>
[GenerateSerializer, Immutable, Alias("om.HeaderMutation")]
public sealed record HeaderMutation
{
    /// <summary>Headers overwritten with the given value.</summary>
    [Id(0)] public ImmutableDictionary<string, string> Set { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Headers appended with the given value.</summary>
    [Id(1)] public ImmutableDictionary<string, string> Add { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Headers removed.</summary>
    [Id(2)] public ImmutableArray<string> Remove { get; init; } = [];
}
