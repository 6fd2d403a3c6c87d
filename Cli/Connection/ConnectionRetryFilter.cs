namespace OrleansMesh.Cli.Connection;

/// <summary>
/// Retries the first connection until a time budget is spent: long enough for a silo that is starting,
/// short enough that a missing mesh is reported quickly.
/// </summary>
internal sealed class ConnectionRetryFilter : IClientConnectionRetryFilter
{
    private readonly TimeSpan _budget;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly long _started;

    public ConnectionRetryFilter(TimeSpan budget, TimeSpan delay, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _budget = budget;
        _delay = delay;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>The failure of the last connection attempt, for the message when meshctl gives up.</summary>
    public Exception? LastFailure { get; private set; }

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LastFailure = exception;
        if (_time.GetElapsedTime(_started) + _delay > _budget)
        {
            return false;
        }

        await Task.Delay(_delay, _time, cancellationToken);
        return true;
    }
}
