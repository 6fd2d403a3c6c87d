using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;

namespace OrleansMesh.Silo.Membership;

/// <summary>
/// Counts this silo's open silo-to-silo connections per remote endpoint, as Orleans connection middleware: a peer
/// with a live connection needs no extra probe, and a kill -9 closes the connection at once (the kernel resets it).
/// </summary>
internal sealed class OutboundConnectionTracker
{
    private readonly ConcurrentDictionary<IPEndPoint, int> _open = new();
    private TaskCompletionSource _closed = NewSource();

    /// <summary>Completes when, after this call, the last open connection to some endpoint ends.</summary>
    public Task NextClosed => Volatile.Read(ref _closed).Task;

    /// <summary>The middleware: counts the connection for as long as the rest of the pipeline runs it.</summary>
    public ConnectionDelegate Track(ConnectionDelegate next) => async context =>
    {
        var endpoint = Normalize(context.RemoteEndPoint);
        if (endpoint is null)
        {
            await next(context);
            return;
        }

        _open.AddOrUpdate(endpoint, 1, static (_, n) => n + 1);
        try
        {
            await next(context);
        }
        finally
        {
            if (_open.AddOrUpdate(endpoint, 0, static (_, n) => Math.Max(0, n - 1)) == 0)
            {
                Interlocked.Exchange(ref _closed, NewSource()).TrySetResult();
            }
        }
    };

    public bool IsConnected(IPEndPoint endpoint) => _open.TryGetValue(Normalize(endpoint)!, out var n) && n > 0;

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static IPEndPoint? Normalize(EndPoint? endpoint) => endpoint is IPEndPoint ip
        ? ip.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(ip.Address.MapToIPv4(), ip.Port) : ip
        : null;
}
