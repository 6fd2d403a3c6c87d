namespace OrleansMesh.Networking;

/// <summary>Istio <c>ClientTLSSettings.TLSmode</c>.</summary>
public enum ClientTlsMode
{
    /// <summary><c>DISABLE</c>: plain text.</summary>
    Disable,

    /// <summary><c>SIMPLE</c>: TLS, server verified.</summary>
    Simple,

    /// <summary><c>MUTUAL</c>: TLS with a client certificate given in the rule.</summary>
    Mutual,

    /// <summary><c>ISTIO_MUTUAL</c>: TLS with the mesh's workload certificate.</summary>
    IstioMutual,
}
