using System.Net.Sockets;
using System.Text;

namespace OrleansMesh.Integration.Tests.Security;

/// <summary>Sends bytes HttpClient would refuse to send, over a real socket, and reads the status code.</summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Response)> SendAsync(Uri server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var response = text.ToString();
        var status = response.Length >= 12 && int.TryParse(response.AsSpan(9, 3), out var code) ? code : 0;
        return (status, response);
    }

    public static Task<(int Status, string Response)> GetAsync(Uri server, string target, string host) =>
        SendAsync(server, $"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
}
