namespace OrleansMesh.Gateway.Mirroring;

/// <summary>The <c>reason</c> label of <c>orleansmesh_mirror_dropped_total</c>: why a due copy was not sent.</summary>
internal static class MirrorDropReasons
{
    /// <summary>The body is larger than <c>RetryBufferLimit</c>.</summary>
    public const string TooLarge = "body_too_large";

    /// <summary>The body has no Content-Length (chunked), so it cannot be buffered within a known bound.</summary>
    public const string UnknownLength = "body_unknown_length";

    /// <summary><see cref="MirroringOptions.MaxConcurrentMirrors"/> copies were already in flight.</summary>
    public const string Overflow = "overflow";

    /// <summary>The shadow destination has no endpoint in service.</summary>
    public const string NoHealthyUpstream = "no_healthy_upstream";

    /// <summary>The shadow destination's circuit breaker is open.</summary>
    public const string CircuitOpen = "circuit_open";
}
