namespace OrleansMesh.Gateway.Health;

/// <summary>What a destination's breaker says about one request.</summary>
internal enum Admission
{
    /// <summary>The breaker is closed (or the destination has none): forward.</summary>
    Allowed,

    /// <summary>Half-open and this gateway held a probe permit: forward, and report the outcome as a probe.</summary>
    Probe,

    /// <summary>Open, or half-open without a permit: answer 503 without reaching the destination.</summary>
    Rejected,
}
