using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Resilience;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class ClusterResilienceCacheTests
{
    private static readonly ConnectionPoolPolicy s_ownPool = new() { MaxConnections = 2 };

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Get_SamePolicyAgain_KeepsCountersAndPool()
    {
        var cache = Cache();

        Assert.Same(cache.Get("c", s_ownPool, false), cache.Get("c", s_ownPool with { }, false));
    }

    [Fact]
    public void Get_ChangedPolicy_GivesANewOne()
    {
        var cache = Cache();
        var first = cache.Get("c", s_ownPool, false);

        Assert.NotSame(first, cache.Get("c", s_ownPool with { MaxConnections = 3 }, false));
    }

    [Fact]
    public void Get_NoPolicy_IsTheSharedUnlimitedOne()
    {
        Assert.Same(ClusterResilience.Unlimited, Cache().Get("c", null, false));
    }

    [Fact]
    public void Retain_RemovedCluster_DisposesItsPoolOnlyAfterTheGracePeriod()
    {
        var cache = Cache();
        var removed = cache.Get("c", s_ownPool, false);
        cache.Retain(new HashSet<string>());
        _time.Advance(ClusterResilienceCache.RetireAfter - TimeSpan.FromSeconds(1));
        cache.Retain(new HashSet<string>());
        Assert.False(IsDisposed(removed.Invoker!));

        _time.Advance(TimeSpan.FromSeconds(1));
        cache.Retain(new HashSet<string>());

        Assert.True(IsDisposed(removed.Invoker!));
    }

    private ClusterResilienceCache Cache() => new(_time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(90));

    private static bool IsDisposed(HttpMessageInvoker invoker)
    {
        try
        {
            // A disposed invoker throws before any connection is attempted.
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/");
            _ = invoker.SendAsync(request, new CancellationToken(canceled: true));
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
