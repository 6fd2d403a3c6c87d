namespace OrleansMesh.Silo.Dashboard;

/// <summary>
/// One answer shared by every caller for <c>lifetime</c> from when it was asked: a reading still under way is awaited,
/// not repeated, so any number of open pages costs one reading of the grains per lifetime.
/// </summary>
internal sealed class CachedAnswer<T>(TimeSpan lifetime, TimeProvider time, Func<Task<T>> read)
{
    private Entry? _entry;

    public Task<T> GetAsync()
    {
        var now = time.GetTimestamp();
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && (!entry.Answer.IsValueCreated || !entry.Answer.Value.IsCompleted || time.GetElapsedTime(entry.Started, now) < lifetime))
        {
            return entry.Answer.Value;
        }

        var fresh = new Entry(now, new Lazy<Task<T>>(read));
        var winner = Interlocked.CompareExchange(ref _entry, fresh, entry);
        return (winner == entry ? fresh : winner!).Answer.Value;
    }

    /// <summary>Forgets the answer, so the next caller reads afresh (after an action changed what it shows).</summary>
    public void Invalidate() => Volatile.Write(ref _entry, null);

    private sealed record Entry(long Started, Lazy<Task<T>> Answer);
}
