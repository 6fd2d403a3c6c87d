using OrleansMesh.Networking;

namespace OrleansMesh.Security;

/// <summary>Istio <c>RequestAuthentication</c> (security.istio.io): which JWTs a workload accepts.</summary>
[GenerateSerializer, Immutable, Alias("om.RequestAuthentication")]
public sealed record RequestAuthentication : MeshResource
{
    /// <summary>A RequestAuthentication written as <c>security.istio.io/v1</c>.</summary>
    public RequestAuthentication() => ApiVersion = "security.istio.io/v1";

    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.RequestAuthentication;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public RequestAuthenticationSpec Spec { get; init; } = new();
}
