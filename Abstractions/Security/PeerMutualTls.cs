namespace OrleansMesh.Security;

/// <summary>Istio <c>PeerAuthentication.MutualTLS</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.PeerMutualTls")]
public sealed record PeerMutualTls
{
    /// <summary>The mode. Default: UNSET (inherit from the parent scope).</summary>
    [Id(0)] public MutualTlsMode Mode { get; init; }
}
