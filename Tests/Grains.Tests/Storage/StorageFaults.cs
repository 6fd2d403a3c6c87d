using System.Threading.Channels;

namespace OrleansMesh.Grains.Tests.Storage;

/// <summary>Switches route-table writes of a <see cref="FaultyGrainStorage"/> off and on, and tells which writes failed.</summary>
public sealed class StorageFaults
{
    private volatile bool failRouteTableWrites;
    private volatile Channel<string> failures = Channel.CreateUnbounded<string>();

    /// <summary>While true, every route-table write fails.</summary>
    public bool FailRouteTableWrites
    {
        get => failRouteTableWrites;
        set => failRouteTableWrites = value;
    }

    /// <summary>Lets writes through again and forgets the failures seen so far.</summary>
    public void Reset()
    {
        failRouteTableWrites = false;
        failures = Channel.CreateUnbounded<string>();
    }

    /// <summary>Completes when a write of <paramref name="host"/>'s route table fails; fails the test after 10 seconds.</summary>
    public async Task NextFailureAsync(string host)
    {
        var reader = failures.Reader;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await reader.ReadAsync(timeout.Token) != host)
        {
        }
    }

    internal void Failed(string host) => failures.Writer.TryWrite(host);
}
