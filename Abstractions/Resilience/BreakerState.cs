namespace OrleansMesh.Resilience;

/// <summary>The classic three states of a circuit breaker.</summary>
public enum BreakerState
{
    /// <summary>Requests pass; outcomes are counted.</summary>
    Closed,

    /// <summary>Every request is rejected without reaching the destination.</summary>
    Open,

    /// <summary>Only the probes the breaker grants pass; their outcomes close or re-open it.</summary>
    HalfOpen,
}
