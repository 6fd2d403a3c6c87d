using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Health;

namespace OrleansMesh.Gateway.Tests.Health;

public sealed class ReportPacerTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_step = TimeSpan.FromMilliseconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly ReportPacer _pacer;

    public ReportPacerTests() => _pacer = new ReportPacer(_time);

    [Fact]
    public void WaitAsync_IdleWithoutSignal_SetsNoTimer()
    {
        var wait = _pacer.WaitAsync(s_interval, idle: true, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.False(wait.IsCompleted);
    }

    [Fact]
    public async Task WaitAsync_IdleThenPending_TicksOneIntervalAfterTheFirstOutcome()
    {
        var wait = _pacer.WaitAsync(s_interval, idle: true, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        _pacer.Pending();
        var waited = await AdvanceUntilAsync(wait);

        // At least the interval: the signal's continuation may start its timer a step or two after the signal.
        Assert.True(await wait);
        Assert.True(waited >= s_interval, $"ticked {waited.TotalMilliseconds} ms after the first outcome");
    }

    [Fact]
    public async Task WaitAsync_Urgent_WakesBeforeTheTick()
    {
        Assert.True(await _pacer.WaitAsync(s_interval, idle: false, CancellationToken.None));
        var wait = _pacer.WaitAsync(s_interval, idle: false, CancellationToken.None);

        _pacer.Urgent();

        Assert.False(await wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitAsync_UrgentWhileIdle_WakesAtOnce()
    {
        var wait = _pacer.WaitAsync(s_interval, idle: true, CancellationToken.None);

        _pacer.Urgent();

        Assert.False(await wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitAsync_AfterAnEarlyWake_KeepsTheTickWhereItWas()
    {
        Assert.True(await _pacer.WaitAsync(s_interval, idle: false, CancellationToken.None));
        _time.Advance(TimeSpan.FromMilliseconds(60));
        var early = _pacer.WaitAsync(s_interval, idle: false, CancellationToken.None);
        _pacer.Urgent();
        Assert.False(await early.WaitAsync(TimeSpan.FromSeconds(10)));

        var next = _pacer.WaitAsync(s_interval, idle: false, CancellationToken.None);
        var waited = await AdvanceUntilAsync(next);

        Assert.True(await next);
        Assert.InRange(waited, TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task WaitAsync_SignalDuringTheScan_WakesTheNextWait()
    {
        Assert.True(await _pacer.WaitAsync(s_interval, idle: false, CancellationToken.None));

        // Given after one wait returned and before the next began: the reporter's scan may have missed it.
        _pacer.Urgent();

        Assert.False(await _pacer.WaitAsync(s_interval, idle: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileIdle_Throws()
    {
        using var stopping = new CancellationTokenSource();
        var wait = _pacer.WaitAsync(s_interval, idle: true, stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    // The waiter re-arms its timer on the thread pool after a signal, so the clock moves in steps until it is done;
    // returns how far it moved.
    private async Task<TimeSpan> AdvanceUntilAsync(Task wait)
    {
        var waited = TimeSpan.Zero;
        for (var i = 0; i < 10_000 && !wait.IsCompleted; i++)
        {
            await Task.Yield();
            if (!wait.IsCompleted)
            {
                _time.Advance(s_step);
                waited += s_step;
            }
        }

        Assert.True(wait.IsCompleted, "the wait never ended");
        return waited;
    }
}
