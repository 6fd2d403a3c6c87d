namespace OrleansMesh.Inference;

/// <summary>An objective's <c>poolRef</c>: an <see cref="InferencePool"/> of the same namespace.</summary>
[GenerateSerializer, Immutable, Alias("om.PoolReference")]
public sealed record PoolReference
{
    /// <summary>Default and only accepted value: <c>inference.networking.k8s.io</c>.</summary>
    [Id(0)] public string? Group { get; init; }

    /// <summary>Default and only accepted value: <c>InferencePool</c>.</summary>
    [Id(1)] public string? Kind { get; init; }

    /// <summary>The pool's name.</summary>
    [Id(2)] public string Name { get; init; } = "";
}
