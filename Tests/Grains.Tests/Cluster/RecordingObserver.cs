using System.Threading.Channels;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Grains.Tests.Cluster;

/// <summary>A gateway stand-in that queues every update it receives.</summary>
public sealed class RecordingObserver : IMeshObserver
{
    private readonly Channel<MeshUpdate> updates = Channel.CreateUnbounded<MeshUpdate>();

    public Task OnMeshUpdatedAsync(MeshUpdate update)
    {
        updates.Writer.TryWrite(update);
        return Task.CompletedTask;
    }

    /// <summary>The next update; fails the test if none arrives within 10 seconds.</summary>
    public Task<MeshUpdate> NextAsync() => updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
