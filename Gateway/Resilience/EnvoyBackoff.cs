namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// Envoy's retry back-off: fully jittered exponential, base 25 ms, capped at ten times the base. Before retry n
/// (1-based) the wait is uniform in [0, (2^n - 1) × base), and never more than the cap.
/// </summary>
internal sealed class EnvoyBackoff(Random random)
{
    public static readonly TimeSpan BaseInterval = TimeSpan.FromMilliseconds(25);

    public static readonly TimeSpan MaxInterval = BaseInterval * 10;

    /// <param name="retry">The retry about to be made, 1 for the first.</param>
    public TimeSpan Next(int retry)
    {
        var baseMs = BaseInterval.TotalMilliseconds;
        var maxMs = MaxInterval.TotalMilliseconds;

        // 2^n - 1 grows past the cap quickly; stop doubling there rather than overflow.
        var ceiling = retry >= 8 ? maxMs : Math.Min(((1 << retry) - 1) * baseMs, maxMs);
        return TimeSpan.FromMilliseconds(Math.Floor(random.NextDouble() * ceiling));
    }
}
