using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Pipeline;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.Tests.RateLimiting;

public sealed class TokenRateLimitGateTests : IDisposable
{
    // The clock never reaches the buckets' first sweep (1 s), which would try to give idle tokens back to a grain.
    // 3,000 tokens a minute (50 a second): leases of 150, credit 150. Requests of 400 bytes and max_tokens 200 are estimated at 300.
    private static readonly CompiledTokenRateLimit Limit = CompiledTokenRateLimit.Of(
        "route/default/chat/0",
        new TokenRateLimitSettings { TokensPerUnit = 3000, Key = new RateLimitKey { Header = "x-tenant-id" } })!;

    private readonly FakeTimeProvider _time = new();
    private readonly UnreachedLeaser _leaser;
    private readonly TokenRateLimitGate _gate;

    public TokenRateLimitGateTests()
    {
        _leaser = new UnreachedLeaser(_time);
        _gate = new TokenRateLimitGate(_leaser.Buckets);
    }

    public void Dispose() => _leaser.Dispose();

    private long Now => _time.GetTimestamp();

    private static DefaultHttpContext Request(string tenant = "a", int? maxTokens = 200, long bodyLength = 400)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["x-tenant-id"] = tenant;
        context.Features.Set(new InferenceRequest("chat", stream: false, maxTokens, bodyLength));
        return context;
    }

    private const bool Reached = true;

    private LeasedBucket Leased(string tenant, int granted)
    {
        var bucket = _leaser.Buckets.Global(Limit.Scope, tenant, Limit.Bucket);
        bucket.Leased(new TokenLease { Granted = granted }, Now);
        return bucket;
    }

    [Fact]
    public void TryCharge_NotAModelRequest_PassesUncharged()
    {
        var context = new DefaultHttpContext();

        Assert.True(_gate.TryCharge(context, Limit, out var charge, out _));
        Assert.Null(charge);
    }

    [Fact]
    public void TryCharge_LeasedTokens_TakesTheEstimate()
    {
        var bucket = Leased("a", 1000);

        Assert.True(_gate.TryCharge(Request(), Limit, out var charge, out _));

        Assert.Equal(300, charge!.Charged);
        Assert.Equal(700, bucket.Tokens);
    }

    [Fact]
    public void TryCharge_FirstRequestLargerThanCredit_PassesOnCreditAndOwesIt()
    {
        Assert.True(_gate.TryCharge(Request(), Limit, out var charge, out _));

        Assert.Equal(300, charge!.Bucket.TakeOwed());
    }

    [Fact]
    public void TryCharge_ShortOfTheEstimate_AsksTheNextLeaseForTheShortfall()
    {
        var bucket = Leased("a", 100);

        _gate.TryCharge(Request(), Limit, out _, out _);

        Assert.Equal(200, bucket.TakeNeeded());
    }

    [Fact]
    public void TryCharge_BucketCannotCoverEstimate_RetryAfterIsWhenTheGrainCoversIt()
    {
        var bucket = _leaser.Buckets.Global(Limit.Scope, "a", Limit.Bucket);
        bucket.Leased(new TokenLease { Granted = 100, RetryAfter = TimeSpan.FromSeconds(4) }, Now, needed: 300);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        var passed = _gate.TryCharge(Request(), Limit, out _, out var refusal);

        Assert.False(passed);
        Assert.Equal(TimeSpan.FromSeconds(3.5), refusal.RetryAfter);
        Assert.Equal(300, refusal.Estimate);
        Assert.Equal(100, bucket.Tokens);
    }

    [Fact]
    public void TryCharge_OtherTenant_HasItsOwnBucket()
    {
        var drained = _leaser.Buckets.Global(Limit.Scope, "a", Limit.Bucket);
        drained.Leased(new TokenLease { Granted = 0, RetryAfter = TimeSpan.FromSeconds(30) }, Now);
        Leased("b", 1000);

        Assert.False(_gate.TryCharge(Request("a"), Limit, out _, out _));
        Assert.True(_gate.TryCharge(Request("b"), Limit, out _, out _));
    }

    [Fact]
    public void Settle_UsedLessThanEstimate_RefundsTheDifference()
    {
        var bucket = Leased("a", 1000);
        var context = Request();
        _gate.TryCharge(context, Limit, out var charge, out _);
        context.Features.Get<InferenceRequest>()!.Usage = new TokenUsage(60, 40);

        _gate.Settle(charge, Reached);

        Assert.Equal(900, bucket.Tokens);
    }

    [Fact]
    public void Settle_UsedMoreThanEstimate_ChargesHeldTokensThenOwesTheRest()
    {
        var bucket = Leased("a", 1000);
        var context = Request();
        _gate.TryCharge(context, Limit, out var charge, out _);
        context.Features.Get<InferenceRequest>()!.Usage = new TokenUsage(400, 800);

        _gate.Settle(charge, Reached);

        Assert.Equal(0, bucket.Tokens);
        Assert.Equal(200, bucket.TakeOwed());
    }

    [Fact]
    public void Settle_DebtBeyondCapacity_OwesAtMostTheCapacity()
    {
        var bucket = Leased("a", 300);
        var context = Request();
        _gate.TryCharge(context, Limit, out var charge, out _);
        context.Features.Get<InferenceRequest>()!.Usage = new TokenUsage(10_000, 10_000);

        _gate.Settle(charge, Reached);

        Assert.Equal(3000, bucket.TakeOwed());
    }

    [Fact]
    public void Settle_NoUsageReported_KeepsTheEstimate()
    {
        var bucket = Leased("a", 1000);
        _gate.TryCharge(Request(), Limit, out var charge, out _);

        _gate.Settle(charge, Reached);

        Assert.Equal(700, bucket.Tokens);
        Assert.Equal(0, bucket.TakeOwed());
    }

    [Fact]
    public void Settle_NeverReachedUpstream_RefundsEverything()
    {
        var bucket = Leased("a", 1000);
        _gate.TryCharge(Request(), Limit, out var charge, out _);

        _gate.Settle(charge, reachedUpstream: false);

        Assert.Equal(1000, bucket.Tokens);
    }

    [Fact]
    public void TryCharge_EstimateAboveCapacity_ChargesTheCapacity()
    {
        Leased("a", 3000);

        _gate.TryCharge(Request(maxTokens: 50_000), Limit, out var charge, out _);

        Assert.Equal(3000, charge!.Charged);
        Assert.Equal(50_100, charge.Estimate);
    }

    [Fact]
    public async Task ChargeWhenLeasedAsync_LeaseAnsweredWhileWaiting_ChargesFromIt()
    {
        Assert.True(_gate.TryCharge(Request(), Limit, out _, out _));
        var context = Request();
        Assert.False(_gate.TryCharge(context, Limit, out _, out var refusal));

        var waiting = _gate.ChargeWhenLeasedAsync(context, refusal).AsTask();
        Assert.False(waiting.IsCompleted);
        refusal.Bucket.Leased(new TokenLease { Granted = 1000 }, Now);
        var (charge, _) = await waiting;

        Assert.Equal(300, charge!.Charged);
        Assert.Equal(700, refusal.Bucket.Tokens);
    }

    [Fact]
    public async Task ChargeWhenLeasedAsync_Waiting_AsksTheNextLeaseForItsEstimate()
    {
        Assert.True(_gate.TryCharge(Request(), Limit, out _, out _));
        var context = Request();
        Assert.False(_gate.TryCharge(context, Limit, out _, out var refusal));

        var waiting = _gate.ChargeWhenLeasedAsync(context, refusal).AsTask();

        Assert.Equal(300, refusal.Bucket.TakeDemand());
        _time.Advance(TimeSpan.FromSeconds(1));
        await waiting;
    }

    [Fact]
    public async Task ChargeWhenLeasedAsync_NoAnswerWithinTheWait_Refuses()
    {
        Assert.True(_gate.TryCharge(Request(), Limit, out _, out _));
        var context = Request();
        Assert.False(_gate.TryCharge(context, Limit, out _, out var refusal));

        var waiting = _gate.ChargeWhenLeasedAsync(context, refusal).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var (charge, after) = await waiting;

        // Nothing said the bucket is empty, so the client is told to come back after the shortest wait, a second.
        Assert.Null(charge);
        Assert.Equal(TimeSpan.FromSeconds(1), after.RetryAfter);
    }

    [Fact]
    public async Task ChargeWhenLeasedAsync_GrainSaidEmpty_RefusesWithoutWaiting()
    {
        var bucket = _leaser.Buckets.Global(Limit.Scope, "a", Limit.Bucket);
        bucket.Leased(new TokenLease { Granted = 0, RetryAfter = TimeSpan.FromSeconds(30) }, Now);
        var context = Request();
        Assert.False(_gate.TryCharge(context, Limit, out _, out var refusal));

        var waiting = _gate.ChargeWhenLeasedAsync(context, refusal);

        Assert.True(waiting.IsCompleted);
        var (charge, after) = await waiting;
        Assert.Null(charge);
        Assert.Equal(TimeSpan.FromSeconds(30), after.RetryAfter);
    }

    [Fact]
    public async Task Reject_Refusal_429WithRetryAfterFlagAndOpenAiError()
    {
        var context = Request();
        context.Response.Body = new MemoryStream();

        var bucket = _leaser.Buckets.Global(Limit.Scope, "a", Limit.Bucket);
        var rejection = TokenRateLimitGate.Reject(new TokenRefusal(Limit, 300, TimeSpan.FromSeconds(2.2), bucket, 300), delayed: false);
        await MeshAnswers.WriteAsync(context, rejection);
        var result = ForwardResult.Refused(rejection);

        Assert.Equal(429, result.StatusCode);
        Assert.Equal(429, context.Response.StatusCode);
        Assert.Equal("3", context.Response.Headers.RetryAfter);
        Assert.Equal("RL", context.Response.Headers["x-mesh-response-flags"]);
        using var body = JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("Rate limit reached for tokens per minute on tokens/route/default/chat/0: Limit 3000, Requested 300. Please try again in 3s.", error.GetProperty("message").GetString());
        Assert.Equal("tokens", error.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
    }
}
