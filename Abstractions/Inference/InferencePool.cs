using OrleansMesh.Networking;

namespace OrleansMesh.Inference;

/// <summary>
/// The Gateway API Inference Extension's <c>InferencePool</c> (<c>inference.networking.k8s.io/v1</c>): the model servers
/// of one base model, picked among by the mesh's endpoint picker. Its members are the registry's endpoints
/// (ServiceEntry endpoints and WorkloadEntries) of its namespace whose labels match its selector; routes reach it as
/// the host <c>NAME.NAMESPACE.inferencepool</c> (<see cref="InferencePoolHosts"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("om.InferencePool")]
public sealed record InferencePool : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.InferencePool;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public InferencePoolSpec Spec { get; init; } = new();
}
