namespace OrleansMesh.Inference;

/// <summary>A <c>targetPorts</c> entry of an <see cref="InferencePool"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.InferencePoolPort")]
public sealed record InferencePoolPort
{
    /// <summary>The model servers' port, 1 to 65535.</summary>
    [Id(0)] public uint Number { get; init; }
}
