namespace OrleansMesh.Inference;

/// <summary>The <c>spec</c> of an <see cref="InferenceObjective"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.InferenceObjectiveSpec")]
public sealed record InferenceObjectiveSpec
{
    /// <summary>Higher is more important; default 0. Requests without an objective have priority 0.</summary>
    [Id(0)] public int? Priority { get; init; }

    /// <summary>The pool the objective applies to, in the objective's namespace.</summary>
    [Id(1)] public PoolReference PoolRef { get; init; } = new();
}
