using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Silo.Dashboard;

namespace OrleansMesh.Dashboard.Tests.Dashboard;

public sealed class CachedAnswerTests
{
    private readonly FakeTimeProvider _time = new();
    private int _reads;

    private CachedAnswer<int> Answer() => new(TimeSpan.FromSeconds(1), _time, () => Task.FromResult(++_reads));

    [Fact]
    public async Task GetAsync_ManyCallersWithinLifetime_OneRead()
    {
        var answer = Answer();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => answer.GetAsync()));
        _time.Advance(TimeSpan.FromMilliseconds(900));
        answers = [.. answers, await answer.GetAsync()];

        Assert.All(answers, a => Assert.Equal(1, a));
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_AfterLifetime_ReadsAgain()
    {
        var answer = Answer();
        await answer.GetAsync();

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await answer.GetAsync());
    }

    [Fact]
    public async Task GetAsync_ReadStillRunning_SharedNotRepeated()
    {
        var pending = new TaskCompletionSource<int>();
        var reads = 0;
        var answer = new CachedAnswer<int>(TimeSpan.FromSeconds(1), _time, () =>
        {
            reads++;
            return pending.Task;
        });

        var first = answer.GetAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        var second = answer.GetAsync();
        pending.SetResult(7);

        Assert.Equal((7, 7, 1), (await first, await second, reads));
    }

    [Fact]
    public async Task Invalidate_NextCallReads()
    {
        var answer = Answer();
        await answer.GetAsync();

        answer.Invalidate();

        Assert.Equal(2, await answer.GetAsync());
    }
}
