using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Resilience;

namespace OrleansMesh.Gateway.Tests.Resilience;

/// <summary>Reused cancellation sources for attempt deadlines (<see cref="DeadlineSources"/>).</summary>
public sealed class DeadlineSourcesTests
{
    [Fact]
    public void Rent_FakeClock_CancelsAtTheTimeout()
    {
        var time = new FakeTimeProvider();
        var sources = new DeadlineSources(time, maximumRetained: 4);

        var source = sources.Rent(TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(source.IsCancellationRequested);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void Rent_AfterReturn_ReusesTheSource()
    {
        var sources = new DeadlineSources(TimeProvider.System, maximumRetained: 4);
        var first = sources.Rent(TimeSpan.FromMinutes(1));

        sources.Return(first);
        var second = sources.Rent(TimeSpan.FromMinutes(1));

        Assert.Same(first, second);
        Assert.False(second.IsCancellationRequested);
    }

    [Fact]
    public void Rent_ReusedSource_CancelsAtItsNewTimeout()
    {
        var sources = new DeadlineSources(TimeProvider.System, maximumRetained: 4);
        var first = sources.Rent(TimeSpan.FromMinutes(1));
        sources.Return(first);

        var reused = sources.Rent(TimeSpan.FromMilliseconds(1));

        // The system clock's timer: waits for the cancellation (about 1 ms), not for a fixed time.
        Assert.Same(first, reused);
        Assert.True(reused.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Rent_ReusedSource_DoesNotRunTheLastUsersCallbacks()
    {
        var sources = new DeadlineSources(TimeProvider.System, maximumRetained: 4);
        var first = sources.Rent(TimeSpan.FromMinutes(1));
        var called = false;
        first.Token.Register(() => called = true);
        sources.Return(first);

        var reused = sources.Rent(TimeSpan.FromMinutes(1));
        reused.Cancel();

        Assert.Same(first, reused);
        Assert.False(called);
    }

    [Fact]
    public void Return_CancelledSource_IsNotReused()
    {
        var sources = new DeadlineSources(TimeProvider.System, maximumRetained: 4);
        var cancelled = sources.Rent(TimeSpan.FromMinutes(1));
        cancelled.Cancel();

        sources.Return(cancelled);
        var next = sources.Rent(TimeSpan.FromMinutes(1));

        Assert.NotSame(cancelled, next);
        Assert.False(next.IsCancellationRequested);
    }

    [Fact]
    public void Return_FakeClock_NextRentIsANewSourceOnThatClock()
    {
        var time = new FakeTimeProvider();
        var sources = new DeadlineSources(time, maximumRetained: 4);
        var first = sources.Rent(TimeSpan.FromSeconds(1));

        sources.Return(first);
        var next = sources.Rent(TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(next.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.NotSame(first, next);
        Assert.True(next.IsCancellationRequested);
    }

    [Fact]
    public void Return_BeyondMaximumRetained_DisposesTheSource()
    {
        var sources = new DeadlineSources(TimeProvider.System, maximumRetained: 1);
        var kept = sources.Rent(TimeSpan.FromMinutes(1));
        var extra = sources.Rent(TimeSpan.FromMinutes(1));

        sources.Return(kept);
        sources.Return(extra);

        Assert.Throws<ObjectDisposedException>(() => extra.Token.WaitHandle);
        Assert.Same(kept, sources.Rent(TimeSpan.FromMinutes(1)));
    }
}
