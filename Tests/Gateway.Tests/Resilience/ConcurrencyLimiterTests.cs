using OrleansMesh.Gateway.Resilience;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class ConcurrencyLimiterTests
{
    [Fact]
    public void TryAcquire_UpToTheLimit_Succeeds()
    {
        var limiter = new ConcurrencyLimiter(2);

        Assert.Equal([true, true], [limiter.TryAcquire(), limiter.TryAcquire()]);
    }

    [Fact]
    public void TryAcquire_OverTheLimit_FailsWithoutCounting()
    {
        var limiter = new ConcurrencyLimiter(1);
        limiter.TryAcquire();

        Assert.False(limiter.TryAcquire());
        Assert.Equal(1, limiter.Current);
    }

    [Fact]
    public void TryAcquire_AfterRelease_SucceedsAgain()
    {
        var limiter = new ConcurrencyLimiter(1);
        limiter.TryAcquire();
        limiter.Release();

        Assert.True(limiter.TryAcquire());
    }

    [Fact]
    public void TryAcquire_ManyThreads_NeverAdmitsMoreThanTheLimit()
    {
        var limiter = new ConcurrencyLimiter(3);
        var admitted = 0;
        var peak = 0;

        Parallel.For(0, 10_000, _ =>
        {
            if (limiter.TryAcquire())
            {
                var now = Interlocked.Increment(ref admitted);
                InterlockedMax(ref peak, now);
                Interlocked.Decrement(ref admitted);
                limiter.Release();
            }
        });

        Assert.InRange(peak, 1, 3);
        Assert.Equal(0, limiter.Current);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }
}
