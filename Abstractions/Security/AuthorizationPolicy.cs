using OrleansMesh.Networking;

namespace OrleansMesh.Security;

/// <summary>Istio <c>AuthorizationPolicy</c> (security.istio.io): which requests a workload allows, denies or audits.</summary>
[GenerateSerializer, Immutable, Alias("om.AuthorizationPolicy")]
public sealed record AuthorizationPolicy : MeshResource
{
    /// <summary>A AuthorizationPolicy written as <c>security.istio.io/v1</c>.</summary>
    public AuthorizationPolicy() => ApiVersion = "security.istio.io/v1";

    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.AuthorizationPolicy;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public AuthorizationPolicySpec Spec { get; init; } = new();
}
