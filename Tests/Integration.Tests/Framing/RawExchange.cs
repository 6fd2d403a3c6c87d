using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansMesh.Integration.Tests.Framing;

/// <summary>
/// Bytes sent over one real socket, as HttpClient would never send them, and everything the server answered until it
/// closed the connection (or 5 s passed).
/// </summary>
internal sealed partial class RawExchange
{
    private RawExchange(string response, bool closed)
    {
        Response = response;
        Closed = closed;
        Statuses = [.. StatusLine().Matches(response).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    public string Response { get; }

    /// <summary>The server closed the connection.</summary>
    public bool Closed { get; }

    /// <summary>The status of every response, in order.</summary>
    public IReadOnlyList<int> Statuses { get; }

    /// <summary>Sends <paramref name="writes"/> one after another, running <paramref name="between"/> after each but the last.</summary>
    public static async Task<RawExchange> SendAsync(Uri server, IReadOnlyList<string> writes, Func<Task>? between = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.Port);
        var stream = client.GetStream();
        for (var i = 0; i < writes.Count; i++)
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(writes[i]));
            if (i < writes.Count - 1 && between is not null)
            {
                await between();
            }
        }

        var text = new StringBuilder();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }

            return new RawExchange(text.ToString(), closed: true);
        }
        catch (OperationCanceledException)
        {
            return new RawExchange(text.ToString(), closed: false);
        }
        catch (IOException)
        {
            return new RawExchange(text.ToString(), closed: true);
        }
    }

    public static Task<RawExchange> SendAsync(Uri server, string request) => SendAsync(server, [request]);

    [GeneratedRegex(@"HTTP/1\.1 (\d{3}) ")]
    private static partial Regex StatusLine();
}
