using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Health;

/// <summary>
/// A destination's state as the request path reads it: the grain's <see cref="DestinationHealth"/> with its relative
/// times turned into deadlines on this gateway's clock. Immutable; replaced whole.
/// </summary>
internal sealed class HealthView
{
    /// <summary>Before any word from the grain: closed, nothing ejected.</summary>
    public static readonly HealthView Initial = new(BreakerState.Closed, 0, null, BreakerOverride.None, 0, Guid.Empty);

    public HealthView(BreakerState state, long openUntil, string? reason, BreakerOverride hold, long version, Guid incarnation, long appliedAt = 0)
    {
        AppliedAt = appliedAt;
        State = state;
        OpenUntil = openUntil;
        Reason = reason;
        Override = hold;
        Version = version;
        Incarnation = incarnation;
    }

    public BreakerState State { get; }

    /// <summary>When this gateway took the state over (a timestamp): how fast a change reaches every gateway.</summary>
    public long AppliedAt { get; }

    /// <summary>In <see cref="BreakerState.Open"/>, the timestamp (<see cref="TimeProvider.GetTimestamp"/>) after which probes may be asked for.</summary>
    public long OpenUntil { get; }

    public string? Reason { get; }

    public BreakerOverride Override { get; }

    public long Version { get; }

    public Guid Incarnation { get; }

    /// <summary>Whether <paramref name="health"/> is newer than this view (a new incarnation always is).</summary>
    public bool IsOlderThan(DestinationHealth health) => health.Incarnation != Incarnation || health.Version > Version;

    /// <summary>The same state, marked as not the grain's: the grain's next view replaces it whatever its version.</summary>
    public HealthView Detached() => new(State, OpenUntil, Reason, Override, -1, Guid.Empty, AppliedAt);

    public static HealthView From(DestinationHealth health, TimeProvider time)
    {
        var now = time.GetTimestamp();
        var openUntil = health.State == BreakerState.Open ? Deadline(time, health.OpenRemaining) : 0;
        return new HealthView(health.State, openUntil, health.Reason, health.Override, health.Version, health.Incarnation, now);
    }

    public static long Deadline(TimeProvider time, TimeSpan remaining) =>
        time.GetTimestamp() + (long)(Math.Max(0, remaining.TotalSeconds) * time.TimestampFrequency);
}
