using System.Threading.Channels;
using OrleansMesh.Resilience;

namespace OrleansMesh.Grains.Tests.Resilience;

/// <summary>A gateway stand-in that queues every destination health view pushed to it.</summary>
public sealed class RecordingHealthObserver : IDestinationHealthObserver
{
    private readonly Channel<DestinationHealth> views = Channel.CreateUnbounded<DestinationHealth>();

    public Task OnHealthChangedAsync(DestinationHealth health)
    {
        views.Writer.TryWrite(health);
        return Task.CompletedTask;
    }

    /// <summary>The next view; fails the test if none arrives within 10 seconds.</summary>
    public Task<DestinationHealth> NextAsync() => views.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
