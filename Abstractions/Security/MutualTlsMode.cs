namespace OrleansMesh.Security;

/// <summary>Istio <c>PeerAuthentication.MutualTLS.Mode</c>.</summary>
public enum MutualTlsMode
{
    /// <summary>Inherit from the parent scope (PERMISSIVE at the top).</summary>
    Unset,

    /// <summary>Plain text only.</summary>
    Disable,

    /// <summary>Both mTLS and plain text.</summary>
    Permissive,

    /// <summary>mTLS only.</summary>
    Strict,
}
