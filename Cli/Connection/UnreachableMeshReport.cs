using System.Net;
using System.Net.Sockets;
using Orleans.Messaging;
using OrleansMesh.Hosting;

namespace OrleansMesh.Cli.Connection;

/// <summary>
/// Says why meshctl could not connect: for a Redis cluster, each silo the membership table lists and what a TCP
/// connect to it says now, so "a silo that is gone but still listed" reads differently from "no silo at all".
/// </summary>
internal static class UnreachableMeshReport
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    public static async Task<string> DescribeAsync(MeshClusterOptions cluster, IGatewayListProvider? gateways, TimeSpan timeout, Exception? lastFailure)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!cluster.UsesRedis())
        {
            return $"cannot reach the mesh control plane at {cluster.DescribeClusterLocation()} (is 'dotnet run --project Silo -- dev' running?)";
        }

        IList<Uri> listed;
        try
        {
            listed = gateways is null ? [] : await gateways.GetGateways();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"cannot reach the mesh control plane: cannot read the membership of {cluster.DescribeClusterLocation()}: {e.GetBaseException().Message} (is OrleansMesh__Redis right?)";
        }

        if (listed.Count == 0)
        {
            return $"cannot reach the mesh control plane: no silo of {cluster.DescribeClusterLocation()} is listed as active (are the silos running, and are OrleansMesh__Redis, __ClusterId and __ServiceId right?)";
        }

        var states = await Task.WhenAll(listed.Select(DescribeSiloAsync));

        // When every listed silo accepts connections, what went wrong is in Orleans' own error.
        var reason = states.All(s => s.Accepts) ? lastFailure?.GetBaseException().Message.ReplaceLineEndings(" ") : null;
        return $"cannot reach the mesh control plane of {cluster.DescribeClusterLocation()} within {timeout.TotalSeconds:0.#} s: {string.Join("; ", states.Select(s => s.Text))}"
            + (reason is null ? "" : $" (last error: {reason})");
    }

    private static async Task<(bool Accepts, string Text)> DescribeSiloAsync(Uri gateway)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(gateway.Host), gateway.Port);
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token);
            return (true, $"silo {endpoint} accepts connections but did not answer as a gateway (starting, or overloaded)");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return (false, $"silo {endpoint} refuses connections: it is gone, but the membership table has not been updated yet (a silo that stopped is declared dead within seconds; try again)");
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return (false, $"silo {endpoint} does not answer (host down or unreachable; the cluster declares it dead after its failure detection)");
        }
    }
}
