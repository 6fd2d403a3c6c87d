using OrleansMesh.Networking;

namespace OrleansMesh.Security;

/// <summary>Istio <c>PeerAuthentication</c> (security.istio.io): whether a workload requires mutual TLS. Stored and distributed; enforced by the mTLS work.</summary>
[GenerateSerializer, Immutable, Alias("om.PeerAuthentication")]
public sealed record PeerAuthentication : MeshResource
{
    /// <summary>A PeerAuthentication written as <c>security.istio.io/v1</c>.</summary>
    public PeerAuthentication() => ApiVersion = "security.istio.io/v1";

    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.PeerAuthentication;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public PeerAuthenticationSpec Spec { get; init; } = new();
}
