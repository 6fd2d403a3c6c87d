namespace OrleansMesh.Gateway.ControlPlane;

/// <summary>Capped exponential backoff for reaching the control plane: 200 ms, doubling, up to a maximum.</summary>
internal sealed class RetryBackoff(TimeSpan max)
{
    private static readonly TimeSpan s_first = TimeSpan.FromMilliseconds(200);

    public TimeSpan Current { get; private set; } = s_first;

    /// <summary>Returns the delay to wait now and doubles the next one.</summary>
    public TimeSpan Next()
    {
        var delay = Current;
        Current = TimeSpan.FromTicks(Math.Min(Current.Ticks * 2, max.Ticks));
        return delay;
    }

    public void Reset() => Current = s_first;
}
