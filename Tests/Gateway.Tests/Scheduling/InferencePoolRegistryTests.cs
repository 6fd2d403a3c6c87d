using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Scheduling;

namespace OrleansMesh.Gateway.Tests.Scheduling;

public sealed class InferencePoolRegistryTests
{
    private readonly InferencePoolRegistry _registry = new(Options.Create(new InferencePickerOptions()), new FakeTimeProvider());

    [Fact]
    public void WaitUntilServingAsync_NoPool_Waits()
    {
        var wait = _registry.WaitUntilServingAsync(CancellationToken.None);

        Assert.False(wait.IsCompleted);
    }

    [Fact]
    public async Task WaitUntilServingAsync_PoolAdded_Completes()
    {
        var wait = _registry.WaitUntilServingAsync(CancellationToken.None);

        _registry.Get("llama.default.svc.cluster.local");

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void WaitUntilServingAsync_ServingAPool_CompletesAtOnce()
    {
        _registry.Get("llama.default.svc.cluster.local");

        Assert.True(_registry.WaitUntilServingAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitUntilServingAsync_PoolDropped_WaitsForTheNext()
    {
        _registry.Get("llama.default.svc.cluster.local");
        _registry.Retain(ImmutableDictionary<string, ImmutableArray<string>>.Empty);

        var wait = _registry.WaitUntilServingAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        _registry.Get("mistral.default.svc.cluster.local");
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitUntilServingAsync_Cancelled_Throws()
    {
        using var stopping = new CancellationTokenSource();
        var wait = _registry.WaitUntilServingAsync(stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
