namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>How the model server takes connections, as Istio's <c>PeerAuthentication</c> modes.</summary>
internal enum MeshTlsMode
{
    /// <summary>Plain text only (the default).</summary>
    Off,

    /// <summary>Both: TLS connections (a mesh client certificate is verified when sent) and plain text, told apart by their first byte.</summary>
    Permissive,

    /// <summary>Mutual TLS only: a client without a certificate of the mesh is refused in the handshake.</summary>
    Strict,

    /// <summary>
    /// As the mesh's <c>PeerAuthentication</c> says for this server's namespace and labels, read from the cluster every
    /// poll interval and applied to new connections: DISABLE (plain text only), PERMISSIVE or STRICT.
    /// </summary>
    Mesh,
}
