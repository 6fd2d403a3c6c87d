using OrleansMesh.Resilience;

namespace OrleansMesh.Grains.Tests.Resilience;

[Collection(ResilienceClusterCollection.Name)]
public sealed class RateLimitGrainTests(ResilienceClusterFixture fixture)
{
    private static readonly RateLimitSettings Limit = new() { RequestsPerUnit = 10, Burst = 20 };

    private readonly IRateLimitGrain grain = fixture.Client.GetGrain<IRateLimitGrain>($"bucket-{Guid.NewGuid():N}");

    [Fact]
    public async Task LeaseAsync_ThreeConcurrentCallers_NeverGrantMoreThanTheBucket()
    {
        var leases = await Task.WhenAll(
            from caller in Enumerable.Range(0, 3)
            from attempt in Enumerable.Range(0, 5)
            select grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 4 }));

        Assert.Equal(20, leases.Sum(l => l.Granted));
        Assert.All(leases.Where(l => l.Granted < 4), l => Assert.Equal(TimeSpan.FromMilliseconds(100), l.RetryAfter));
    }

    [Fact]
    public async Task LeaseAsync_AfterRefillTime_GrantsRefilledTokensOnly()
    {
        await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 20 });
        fixture.Time.Advance(TimeSpan.FromMilliseconds(500));

        var lease = await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 20 });

        Assert.Equal(5, lease.Granted);
    }

    [Fact]
    public async Task LeaseAsync_ReturnedTokens_GrantedAgain()
    {
        await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 20 });

        var lease = await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 20, Returned = 7 });

        Assert.Equal(7, lease.Granted);
    }

    [Fact]
    public async Task LeaseAsync_OwedTokens_SettledBeforeGranting()
    {
        var lease = await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 20, Owed = 15 });

        Assert.Equal(5, lease.Granted);
        Assert.Equal(TimeSpan.FromMilliseconds(100), lease.RetryAfter);
    }

    [Fact]
    public async Task LeaseAsync_Granted_HasNoRetryAfter()
    {
        var lease = await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 3 });

        Assert.Equal(3, lease.Granted);
        Assert.Equal(TimeSpan.Zero, lease.RetryAfter);
    }

    [Fact]
    public async Task LeaseAsync_NewSettings_Adopted()
    {
        await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 0 });

        var lease = await grain.LeaseAsync(new LeaseRequest { Settings = Limit with { Burst = 5 }, Wanted = 20 });

        Assert.Equal(5, lease.Granted);
    }

    [Fact]
    public async Task LeaseAsync_NeededMoreThanHeld_RetryAfterCoversTheShortfall()
    {
        var tokens = new RateLimitSettings { RequestsPerUnit = 3000, Unit = RateLimitUnit.Minute };
        await grain.LeaseAsync(new LeaseRequest { Settings = tokens, Wanted = 2900 });

        var lease = await grain.LeaseAsync(new LeaseRequest { Settings = tokens, Wanted = 400, Needed = 400 });

        // 100 granted, 300 still missing at 50 a second.
        Assert.Equal(100, lease.Granted);
        Assert.Equal(TimeSpan.FromSeconds(6), lease.RetryAfter);
    }

    [Fact]
    public async Task LeaseAsync_OwedBeyondCapacity_DebtBoundedByCapacity()
    {
        await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Owed = 1_000 });
        fixture.Time.Advance(TimeSpan.FromSeconds(4));

        // 20 of debt (not 980) refilled in 2 s, then 20 tokens in the next 2 s.
        var lease = await grain.LeaseAsync(new LeaseRequest { Settings = Limit, Wanted = 100 });

        Assert.Equal(20, lease.Granted);
    }
}

