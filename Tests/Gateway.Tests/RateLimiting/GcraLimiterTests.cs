using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Tests.RateLimiting;

public sealed class GcraLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryAcquire_FullBucket_PassesBurstThenRefuses()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 10, Burst = 5 }, _time.TimestampFrequency);

        var passed = Enumerable.Range(0, 8).Count(i => limiter.TryAcquire(_time.GetTimestamp(), out _));

        Assert.Equal(5, passed);
    }

    [Fact]
    public void TryAcquire_EmptyBucket_RetryAfterIsTimeToNextToken()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 10, Burst = 1 }, _time.TimestampFrequency);
        limiter.TryAcquire(_time.GetTimestamp(), out _);

        var passed = limiter.TryAcquire(_time.GetTimestamp(), out var retryAfter);

        Assert.False(passed);
        Assert.Equal(100, retryAfter.TotalMilliseconds, 1);
    }

    [Fact]
    public void TryAcquire_AfterRefillPeriod_PassesAgain()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 60, Unit = RateLimitUnit.Minute, Burst = 1 }, _time.TimestampFrequency);
        limiter.TryAcquire(_time.GetTimestamp(), out _);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(limiter.TryAcquire(_time.GetTimestamp(), out _));

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(limiter.TryAcquire(_time.GetTimestamp(), out _));
    }

    [Fact]
    public void TryAcquire_SteadyOverload_PassesExactlyTheRate()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 100, Burst = 10 }, _time.TimestampFrequency);
        var passed = 0;

        // 10 seconds of 1,000 requests per second against 100/s with a burst of 10.
        for (var i = 0; i < 10_000; i++)
        {
            passed += limiter.TryAcquire(_time.GetTimestamp(), out _) ? 1 : 0;
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(passed, 1_000, 1_010);
    }

    [Fact]
    public void IsIdle_OnceRefilled_True()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 10 }, _time.TimestampFrequency);
        limiter.TryAcquire(_time.GetTimestamp(), out _);
        Assert.False(limiter.IsIdle(_time.GetTimestamp()));

        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(limiter.IsIdle(_time.GetTimestamp()));
    }

    [Fact]
    public async Task TryAcquire_Concurrent_NeverPassesMoreThanTheBurst()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 1, Unit = RateLimitUnit.Hour, Burst = 1_000 }, _time.TimestampFrequency);
        var passed = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                if (limiter.TryAcquire(_time.GetTimestamp(), out _))
                {
                    Interlocked.Increment(ref passed);
                }
            }
        })));

        Assert.Equal(1_000, passed);
    }

    [Fact]
    public void TryAcquire_ManyTokens_TakesThemAllOrNone()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 100, Burst = 100 }, _time.TimestampFrequency);

        Assert.True(limiter.TryAcquire(_time.GetTimestamp(), 70, out _));
        Assert.False(limiter.TryAcquire(_time.GetTimestamp(), 40, out var retryAfter));
        Assert.True(limiter.TryAcquire(_time.GetTimestamp(), 30, out _));
        Assert.Equal(100, retryAfter.TotalMilliseconds, 1);
    }

    [Fact]
    public void Return_UnusedTokens_AvailableAgain()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 1, Unit = RateLimitUnit.Hour, Burst = 100 }, _time.TimestampFrequency);
        limiter.TryAcquire(_time.GetTimestamp(), 100, out _);

        limiter.Return(_time.GetTimestamp(), 40);

        Assert.True(limiter.TryAcquire(_time.GetTimestamp(), 40, out _));
        Assert.False(limiter.TryAcquire(_time.GetTimestamp(), 1, out _));
    }

    [Fact]
    public void Return_MoreThanTaken_CapsAtCapacity()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 1, Unit = RateLimitUnit.Hour, Burst = 100 }, _time.TimestampFrequency);
        limiter.TryAcquire(_time.GetTimestamp(), 10, out _);

        limiter.Return(_time.GetTimestamp(), 500);

        Assert.True(limiter.TryAcquire(_time.GetTimestamp(), 100, out _));
        Assert.False(limiter.TryAcquire(_time.GetTimestamp(), 1, out _));
    }

    [Fact]
    public void Owe_BeyondTheBucket_DebtDelaysTheNextGrant()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 10, Burst = 10 }, _time.TimestampFrequency);

        limiter.Owe(_time.GetTimestamp(), 15);

        Assert.False(limiter.TryAcquire(_time.GetTimestamp(), 1, out var retryAfter));
        Assert.Equal(600, retryAfter.TotalMilliseconds, 1);
    }

    [Fact]
    public void Owe_MoreThanCapacity_DebtBoundedByCapacity()
    {
        var limiter = new GcraLimiter(new RateLimitSettings { RequestsPerUnit = 10, Burst = 10 }, _time.TimestampFrequency);

        limiter.Owe(_time.GetTimestamp(), 1_000);

        // From minus the capacity (-10) to the 10 wanted: 2 s, not the 100 s the whole debt would take.
        Assert.False(limiter.TryAcquire(_time.GetTimestamp(), 10, out var retryAfter));
        Assert.Equal(2_000, retryAfter.TotalMilliseconds, 1);
    }
}

