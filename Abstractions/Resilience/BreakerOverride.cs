namespace OrleansMesh.Resilience;

/// <summary>An operator's hold on a breaker (<c>meshctl breaker open|close|reset</c>).</summary>
public enum BreakerOverride
{
    /// <summary>No hold: outcomes drive the breaker.</summary>
    None,

    /// <summary>Held open: every request is rejected until released.</summary>
    ForcedOpen,

    /// <summary>Held closed: every request passes whatever the outcomes.</summary>
    ForcedClosed,
}
