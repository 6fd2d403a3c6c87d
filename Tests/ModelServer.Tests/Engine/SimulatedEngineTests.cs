using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Samples.ModelServer.Engine;

namespace OrleansMesh.ModelServer.Tests.Engine;

public sealed class SimulatedEngineTests
{
    private static readonly EngineSettings Settings = new(
        MaxRunning: 2, DecodeMs: 10, DecodeMsPerRunning: 5, PrefillMsPerToken: 1, KvCacheTokens: 1024, BlockTokens: 4, MaxLora: 1, LoraLoadMs: 100);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AdmitAsync_BatchFull_WaitsUntilARunningRequestEnds()
    {
        var engine = new SimulatedEngine(Settings, time);
        using var first = await engine.AdmitAsync(Request(8), CancellationToken.None);
        var second = await engine.AdmitAsync(Request(8), CancellationToken.None);
        var third = engine.AdmitAsync(Request(8), CancellationToken.None);

        Assert.False(third.IsCompleted);
        Assert.Equal((2, 1), (engine.Status().Running, engine.Status().Waiting));
        second.Dispose();
        using var started = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((2, 0), (engine.Status().Running, engine.Status().Waiting));
    }

    [Fact]
    public async Task AdmitAsync_SharedPrefix_PrefillsOnlyTheUncachedTokens()
    {
        var engine = new SimulatedEngine(Settings, time);
        using (var cold = await engine.AdmitAsync(Request(12, "a b c d e f g h i j k l"), CancellationToken.None))
        {
            Assert.Equal(TimeSpan.FromMilliseconds(12), cold.FirstTokenDelay);
        }

        using var warm = await engine.AdmitAsync(Request(14, "a b c d e f g h x y z w v u"), CancellationToken.None);

        // Blocks "a b c d" and "e f g h" are cached; the other 6 tokens are prefilled.
        Assert.Equal(TimeSpan.FromMilliseconds(6), warm.FirstTokenDelay);
        Assert.Equal((26, 8), (engine.Status().PrefixQueriedTokens, engine.Status().PrefixHitTokens));
    }

    [Fact]
    public async Task NextTokenDelay_TwoRunning_GrowsByThePerRunningStep()
    {
        var engine = new SimulatedEngine(Settings, time);
        using var first = await engine.AdmitAsync(Request(1), CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(10), first.NextTokenDelay());

        using var second = await engine.AdmitAsync(Request(1), CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(15), first.NextTokenDelay());
    }

    [Fact]
    public async Task AdmitAsync_AdapterNotLoaded_FirstTokenWaitsTheRestOfItsLoad()
    {
        var engine = new SimulatedEngine(Settings, time);
        using var loading = await engine.AdmitAsync(Request(0, adapter: "sql"), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(40));
        using var riding = await engine.AdmitAsync(Request(0, adapter: "sql"), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(100), loading.FirstTokenDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(60), riding.FirstTokenDelay);
        Assert.Equal(["sql"], engine.Status().RunningAdapters);
    }

    [Fact]
    public async Task AdmitAsync_EveryAdapterSlotBusy_WaitsWithoutHoldingBackTheBaseModel()
    {
        var engine = new SimulatedEngine(Settings with { MaxRunning = 3 }, time);
        var sql = await engine.AdmitAsync(Request(0, adapter: "sql"), CancellationToken.None);
        var chat = engine.AdmitAsync(Request(0, adapter: "chat"), CancellationToken.None);
        using var plain = await engine.AdmitAsync(Request(0), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(chat.IsCompleted);
        Assert.Equal(["chat"], engine.Status().WaitingAdapters);
        sql.Dispose();
        using var started = await chat.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["chat"], engine.Status().RunningAdapters);
    }

    [Fact]
    public async Task AdmitAsync_KvCacheFull_WaitsAndReportsUsage()
    {
        var engine = new SimulatedEngine(Settings with { KvCacheTokens = 16, MaxRunning = 8 }, time);
        using var big = await engine.AdmitAsync(Request(8, maxTokens: 4), CancellationToken.None);
        var next = engine.AdmitAsync(Request(4, maxTokens: 4), CancellationToken.None);

        Assert.Equal(0.75, engine.Status().KvCacheUsage);
        Assert.False(next.IsCompleted);
        Assert.Equal(1, engine.Status().Waiting);
    }

    [Fact]
    public async Task AdmitAsync_CancelledWhileWaiting_LeavesTheQueue()
    {
        var engine = new SimulatedEngine(Settings with { MaxRunning = 1 }, time);
        using var running = await engine.AdmitAsync(Request(1), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = engine.AdmitAsync(Request(1), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, engine.Status().Waiting);
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var engine = new SimulatedEngine(Settings, time);
        var lease = await engine.AdmitAsync(Request(1), CancellationToken.None);
        using var other = await engine.AdmitAsync(Request(1), CancellationToken.None);

        lease.Dispose();
        lease.Dispose();

        Assert.Equal(1, engine.Status().Running);
    }

    private static EngineRequest Request(int tokens, string? prompt = null, string? adapter = null, int maxTokens = 4)
    {
        prompt ??= string.Join(' ', Enumerable.Range(0, tokens).Select(i => "w" + i));
        return new EngineRequest(tokens, PromptBlocks.Hash([prompt], Settings.BlockTokens), maxTokens, adapter);
    }
}
