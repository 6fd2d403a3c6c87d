using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>The <c>spec</c> of an <see cref="InferencePool"/>, by GIE's field names.</summary>
[GenerateSerializer, Immutable, Alias("om.InferencePoolSpec")]
public sealed record InferencePoolSpec
{
    /// <summary><c>selector.matchLabels</c>: the labels a registry endpoint must carry to be a member.</summary>
    [Id(0)] public InferencePoolSelector Selector { get; init; } = new();

    /// <summary><c>targetPorts</c>: exactly one port, the model servers' port.</summary>
    [Id(1)] public ImmutableArray<InferencePoolPort> TargetPorts { get; init; } = [];

    /// <summary><c>endpointPickerRef</c>: accepted as written; the mesh's own picker always serves the pool.</summary>
    [Id(2)] public EndpointPickerRef EndpointPickerRef { get; init; } = new();
}
