namespace OrleansMesh.Networking;

/// <summary>Istio <c>DestinationRule</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.DestinationRule")]
public sealed record DestinationRule : MeshResource
{
    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.DestinationRule;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public DestinationRuleSpec Spec { get; init; } = new();
}
