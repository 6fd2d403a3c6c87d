using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Tests.RateLimiting;

public sealed class RateLimitGateTests : IDisposable
{
    // 100 requests a second cluster-wide: leases of 5, credit 5.
    private static readonly RateLimitSettings Settings = new() { RequestsPerUnit = 100 };
    private static readonly CompiledRateLimit[] Limits = CompiledRateLimit.Of("route/default/chat/0", Settings, local: null);

    private readonly FakeTimeProvider _time = new();
    private readonly UnreachedLeaser _leaser;
    private readonly RateLimitGate _gate;

    public RateLimitGateTests()
    {
        _leaser = new UnreachedLeaser(_time);
        _gate = new RateLimitGate(_leaser.Buckets);
    }

    public void Dispose() => _leaser.Dispose();

    private LeasedBucket Bucket => _leaser.Buckets.Global(Limits[0].Scope, null, Settings);

    private async Task SpendCreditAsync()
    {
        for (var i = 0; i < Bucket.Credit; i++)
        {
            Assert.True((await _gate.AcquireAsync(new DefaultHttpContext(), Limits)).IsAllowed);
        }
    }

    [Fact]
    public async Task AcquireAsync_WithinTheCredit_PassesWithoutWaiting()
    {
        var decision = _gate.AcquireAsync(new DefaultHttpContext(), Limits);

        Assert.True(decision.IsCompleted);
        Assert.True((await decision).IsAllowed);
    }

    [Fact]
    public async Task AcquireAsync_BurstBeyondTheCreditBeforeTheFirstLease_WaitsForItAndPasses()
    {
        await SpendCreditAsync();

        var waiting = _gate.AcquireAsync(new DefaultHttpContext(), Limits).AsTask();
        Assert.False(waiting.IsCompleted);
        Bucket.Leased(new TokenLease { Granted = 20 }, _time.GetTimestamp());

        Assert.True((await waiting).IsAllowed);
    }

    [Fact]
    public async Task AcquireAsync_LeaseNotAnsweredWithinTheWait_Refuses()
    {
        await SpendCreditAsync();

        var waiting = _gate.AcquireAsync(new DefaultHttpContext(), Limits).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var decision = await waiting;

        Assert.False(decision.IsAllowed);
        Assert.Same(Limits[0], decision.RefusedBy);
    }

    [Fact]
    public async Task AcquireAsync_GrainSaidEmpty_RefusesAtOnce()
    {
        Bucket.Leased(new TokenLease { Granted = 0, RetryAfter = TimeSpan.FromSeconds(3) }, _time.GetTimestamp());

        var decision = _gate.AcquireAsync(new DefaultHttpContext(), Limits);

        Assert.True(decision.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(3), (await decision).RetryAfter);
    }

    [Fact]
    public async Task AcquireAsync_ClientAborts_StopsWaitingRefused()
    {
        await SpendCreditAsync();
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };

        var waiting = _gate.AcquireAsync(context, Limits).AsTask();
        await aborted.CancelAsync();

        Assert.False((await waiting).IsAllowed);
    }
}
