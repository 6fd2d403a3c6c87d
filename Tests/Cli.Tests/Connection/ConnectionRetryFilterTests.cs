using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Cli.Connection;

namespace OrleansMesh.Cli.Tests.Connection;

public sealed class ConnectionRetryFilterTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task ShouldRetryConnectionAttempt_WithinBudget_WaitsTheDelayThenRetries()
    {
        var time = new FakeTimeProvider();
        var filter = new ConnectionRetryFilter(Budget, Delay, time);

        var retry = filter.ShouldRetryConnectionAttempt(new InvalidOperationException(), CancellationToken.None);
        Assert.False(retry.IsCompleted);
        time.Advance(Delay);

        Assert.True(await retry);
    }

    [Fact]
    public async Task ShouldRetryConnectionAttempt_BudgetSpent_GivesUpAtOnce()
    {
        var time = new FakeTimeProvider();
        var filter = new ConnectionRetryFilter(Budget, Delay, time);
        time.Advance(Budget - Delay + TimeSpan.FromMilliseconds(1));

        var retry = filter.ShouldRetryConnectionAttempt(new InvalidOperationException(), CancellationToken.None);

        Assert.True(retry.IsCompleted);
        Assert.False(await retry);
    }
}
