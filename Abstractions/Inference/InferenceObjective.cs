using OrleansMesh.Networking;

namespace OrleansMesh.Inference;

/// <summary>
/// GIE's <c>InferenceObjective</c> (<c>inference.networking.x-k8s.io/v1alpha2</c>): a named priority for the requests of
/// one pool that carry its name in the <c>x-gateway-inference-objective</c> header. When the whole pool is saturated,
/// lower priorities wait and are shed first.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.InferenceObjective")]
public sealed record InferenceObjective : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.InferenceObjective;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public InferenceObjectiveSpec Spec { get; init; } = new();
}
