using OrleansMesh.Gateway.Scheduling;

namespace OrleansMesh.Gateway.Tests.Scheduling;

public sealed class FlowQueueTests
{
    [Fact]
    public void TakeNext_HigherPriority_NeverWaitsBehindLower()
    {
        var queue = new FlowQueue(10);
        Enqueue(queue, new FlowWaiter(0, "batch"));
        var urgent = Enqueue(queue, new FlowWaiter(5, "chat"));

        Assert.Same(urgent, queue.TakeNext());
    }

    [Fact]
    public void TakeNext_SamePriority_TakesObjectivesInTurn()
    {
        var queue = new FlowQueue(10);
        var a1 = Enqueue(queue, new FlowWaiter(0, "a"));
        var a2 = Enqueue(queue, new FlowWaiter(0, "a"));
        var a3 = Enqueue(queue, new FlowWaiter(0, "a"));
        var b1 = Enqueue(queue, new FlowWaiter(0, "b"));

        Assert.Equal([a1, b1, a2, a3], [queue.TakeNext(), queue.TakeNext(), queue.TakeNext(), queue.TakeNext()]);
        Assert.Null(queue.TakeNext());
    }

    [Fact]
    public void TryEnqueue_FullAndHigherPriority_ShedsTheNewestOfTheLowest()
    {
        var queue = new FlowQueue(2);
        Enqueue(queue, new FlowWaiter(0, "batch"));
        var newest = Enqueue(queue, new FlowWaiter(0, "batch"));

        Assert.True(queue.TryEnqueue(new FlowWaiter(3, "chat"), out var evicted));
        Assert.Same(newest, evicted);
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public void TryEnqueue_FullAndNotHigher_ShedsTheNewcomer()
    {
        var queue = new FlowQueue(1);
        Enqueue(queue, new FlowWaiter(1, "a"));

        Assert.False(queue.TryEnqueue(new FlowWaiter(1, "b"), out var evicted));
        Assert.Null(evicted);
    }

    [Fact]
    public void Remove_Waiting_LeavesTheQueueOnce()
    {
        var queue = new FlowQueue(4);
        var waiter = Enqueue(queue, new FlowWaiter(0, ""));

        Assert.True(queue.Remove(waiter));
        Assert.False(queue.Remove(waiter));
        Assert.Equal(0, queue.Count);
    }

    private static FlowWaiter Enqueue(FlowQueue queue, FlowWaiter waiter)
    {
        Assert.True(queue.TryEnqueue(waiter, out _));
        return waiter;
    }
}
