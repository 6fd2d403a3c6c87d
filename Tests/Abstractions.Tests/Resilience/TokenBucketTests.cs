using OrleansMesh.Resilience;

namespace OrleansMesh.Abstractions.Tests.Resilience;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TokenBucket Bucket(int perSecond = 10, int? burst = null) =>
        new(new RateLimitSettings { RequestsPerUnit = perSecond, Burst = burst }, T0);

    [Fact]
    public void Take_NewBucket_GrantsWholeBurstThenNothing()
    {
        var bucket = Bucket(10, burst: 25);

        Assert.Equal(25, bucket.Take(T0, 100));
        Assert.Equal(0, bucket.Take(T0, 1));
    }

    [Fact]
    public void Take_AfterPartOfPeriod_GrantsRefilledTokens()
    {
        var bucket = Bucket(10);
        bucket.Take(T0, 10);

        Assert.Equal(3, bucket.Take(T0.AddMilliseconds(300), 100));
    }

    [Fact]
    public void Take_FractionalRefills_AddUpAcrossCalls()
    {
        var bucket = Bucket(10);
        bucket.Take(T0, 10);

        Assert.Equal(0, bucket.Take(T0.AddMilliseconds(50), 1));
        Assert.Equal(1, bucket.Take(T0.AddMilliseconds(100), 1));
        Assert.Equal(0.5, bucket.GetTokens(T0.AddMilliseconds(150)), 9);
    }

    [Fact]
    public void Take_LongIdle_RefillsOnlyToCapacity()
    {
        var bucket = Bucket(10);
        bucket.Take(T0, 10);

        Assert.Equal(10, bucket.Take(T0.AddHours(1), 100));
    }

    [Fact]
    public void Take_PerMinuteUnit_RefillsOverTheMinute()
    {
        var bucket = new TokenBucket(new RateLimitSettings { RequestsPerUnit = 60, Unit = RateLimitUnit.Minute }, T0);
        bucket.Take(T0, 60);

        Assert.Equal(2, bucket.Take(T0.AddSeconds(2), 100));
    }

    [Fact]
    public void Return_MoreThanTaken_CapsAtCapacity()
    {
        var bucket = Bucket(10);
        bucket.Take(T0, 4);

        bucket.Return(50);

        Assert.Equal(10, bucket.GetTokens(T0));
    }

    [Fact]
    public void Owe_MoreThanHeld_GoesIntoDebtThatDelaysGrants()
    {
        var bucket = Bucket(10);

        bucket.Owe(T0, 15);

        Assert.Equal(-5, bucket.GetTokens(T0));
        Assert.Equal(0, bucket.Take(T0.AddMilliseconds(500), 1));
        Assert.Equal(1, bucket.Take(T0.AddMilliseconds(600), 5));
    }

    [Fact]
    public void Owe_BeyondCapacity_DebtBoundedByCapacity()
    {
        var bucket = Bucket(10);

        bucket.Owe(T0, 1000);

        Assert.Equal(-10, bucket.GetTokens(T0));
    }

    [Fact]
    public void TimeUntilAvailable_Empty_IsTimeToNextWholeToken()
    {
        var bucket = Bucket(4);
        bucket.Take(T0, 4);

        Assert.Equal(TimeSpan.FromMilliseconds(250), bucket.TimeUntilAvailable(T0));
        Assert.Equal(TimeSpan.FromMilliseconds(150), bucket.TimeUntilAvailable(T0.AddMilliseconds(100)));
    }

    [Fact]
    public void TimeUntilAvailable_InDebt_IncludesTheDebt()
    {
        var bucket = Bucket(10);
        bucket.Owe(T0, 15);

        Assert.Equal(TimeSpan.FromMilliseconds(600), bucket.TimeUntilAvailable(T0));
    }

    [Fact]
    public void TimeUntilAvailable_TokenHeld_IsZero() => Assert.Equal(TimeSpan.Zero, Bucket().TimeUntilAvailable(T0));

    [Fact]
    public void Reconfigure_SmallerBurst_CapsHeldTokens()
    {
        var bucket = Bucket(10, burst: 50);

        bucket.Reconfigure(T0, new RateLimitSettings { RequestsPerUnit = 10, Burst = 5 });

        Assert.Equal(5, bucket.Take(T0, 100));
    }

    [Fact]
    public void Take_ClockSteppedBack_RefillsNothing()
    {
        var bucket = Bucket(10);
        bucket.Take(T0.AddSeconds(1), 10);

        Assert.Equal(0, bucket.Take(T0, 1));
        Assert.Equal(0, bucket.Take(T0.AddSeconds(1), 1));
    }

    [Fact]
    public void Constructor_ZeroRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(new RateLimitSettings { RequestsPerUnit = 0 }, T0));

    [Fact]
    public void TimeUntilAvailable_ManyTokens_TimeToRefillTheShortfall()
    {
        var bucket = new TokenBucket(new RateLimitSettings { RequestsPerUnit = 3000, Unit = RateLimitUnit.Minute }, T0);
        bucket.Take(T0, 2900);

        Assert.Equal(TimeSpan.FromSeconds(4), bucket.TimeUntilAvailable(T0, 300));
    }

    [Fact]
    public void TimeUntilAvailable_MoreThanCapacity_TimeToAFullBucket()
    {
        var bucket = Bucket(10);
        bucket.Take(T0, 10);

        Assert.Equal(TimeSpan.FromSeconds(1), bucket.TimeUntilAvailable(T0, 50));
    }
}

