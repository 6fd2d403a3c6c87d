using System.Net;
using System.Net.Sockets;

namespace OrleansMesh.Silo.Membership;

/// <summary>One TCP connect to a silo endpoint, closed at once; no Orleans message is exchanged.</summary>
internal static class PeerEndpointProbe
{
    public static async Task<PeerProbeOutcome> ProbeAsync(IPEndPoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endpoint, deadline.Token);
            return PeerProbeOutcome.Listening;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return PeerProbeOutcome.Refused;
        }
        catch (SocketException)
        {
            return PeerProbeOutcome.Inconclusive;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PeerProbeOutcome.Inconclusive;
        }
    }
}
