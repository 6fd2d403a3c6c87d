namespace OrleansMesh.Silo.Membership;

/// <summary>What a TCP connect to a peer silo's endpoint said.</summary>
internal enum PeerProbeOutcome
{
    /// <summary>The connection was accepted: something listens there (a paused process still accepts, in the kernel).</summary>
    Listening,

    /// <summary>The peer's host answered with a reset: nothing listens on the port, the silo process is gone.</summary>
    Refused,

    /// <summary>No answer in time, or another error (host down, partition): says nothing certain, left to Orleans' probes.</summary>
    Inconclusive,
}
