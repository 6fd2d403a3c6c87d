using Microsoft.Extensions.ObjectPool;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// Cancellation sources for attempt deadlines, reused as YARP reuses its per-request ones: a source whose deadline did
/// not pass is reset and handed to a later attempt with its timer and the registration list YARP links into it, which a
/// new source would allocate again (~300 B per request on a route with a timeout). The runtime can only reset a source
/// on the system clock; on any other <see cref="TimeProvider"/> every rent is a new source, which behaves the same.
/// </summary>
internal sealed class DeadlineSources
{
    private readonly ObjectPool<CancellationTokenSource> _pool;

    /// <param name="time">The clock the deadlines run on.</param>
    /// <param name="maximumRetained">Sources kept between attempts; more are disposed on return.</param>
    public DeadlineSources(TimeProvider time, int maximumRetained)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumRetained);

        // The provider's pool for a disposable type disposes what it does not keep.
        _pool = new DefaultObjectPoolProvider { MaximumRetained = maximumRetained }.Create(new Policy(time));
    }

    /// <summary>A source that cancels after <paramref name="timeout"/>; give it back with <see cref="Return"/> once nothing uses its token.</summary>
    public CancellationTokenSource Rent(TimeSpan timeout)
    {
        var source = _pool.Get();
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Keeps the source for a later attempt if its deadline has not passed, else disposes it.</summary>
    public void Return(CancellationTokenSource source) => _pool.Return(source);

    private sealed class Policy(TimeProvider time) : IPooledObjectPolicy<CancellationTokenSource>
    {
        // An infinite delay still gives the source its timer on this clock, which CancelAfter then sets.
        public CancellationTokenSource Create() => new(Timeout.InfiniteTimeSpan, time);

        // False once the deadline passed or its timer fired: cancelled, or about to be.
        public bool Return(CancellationTokenSource source) => source.TryReset();
    }
}
