using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>GIE's <c>LabelSelector</c>: <c>matchLabels</c> only, as Kubernetes Service selectors.</summary>
[GenerateSerializer, Immutable, Alias("om.InferencePoolSelector")]
public sealed record InferencePoolSelector
{
    /// <summary>Labels a member must carry, each with the same value.</summary>
    [Id(0)] public ImmutableDictionary<string, string> MatchLabels { get; init; } = ImmutableDictionary<string, string>.Empty;
}
