using System.Net;
using System.Net.Sockets;

namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 nothing listens on now, for processes that need a fixed port before they start.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
