using System.Net;
using System.Net.Sockets;

namespace OrleansMesh.Deployment.Tests.Chaos;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of one model server that can add latency to every chunk in both directions:
/// the network fault of the chaos schedule where <c>tc netem</c> is not available (no root, no qdisc on loopback here).
/// </summary>
internal sealed class DelayProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _delayTicks;

    public DelayProxy(int targetPort)
    {
        _target = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>Added before each chunk is passed on, each way; zero passes bytes through at once.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    // A refused upstream closes the client's connection at once, as the server's own port would have (a reset).
    private async Task RelayAsync(Socket client)
    {
        using var downstream = client;
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _target), _stop.Token);
            await Task.WhenAny(PumpAsync(downstream, upstream), PumpAsync(upstream, downstream));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            downstream.LingerState = new LingerOption(true, 0);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, _stop.Token);
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side went away; the relay ends.
        }
    }
}
