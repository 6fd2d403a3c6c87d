using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansMesh.Integration.Tests.Framing;

/// <summary>
/// The hardening issue's raw HTTP/1.1 abuse suite against a real gateway, over sockets: every case is answered with a
/// 4xx or a closed connection (never a 5xx of the gateway's own), the upstream receives exactly the requests the gateway
/// answered as forwarded (counted by the case's marker path, so a smuggled request would show), and the gateway keeps
/// serving other clients.
/// </summary>
public sealed partial class HttpAbuseTests(AbuseGateway fixture) : IClassFixture<AbuseGateway>
{
    private const string Host = AbuseGateway.Host;

    public static TheoryData<string, string> Cases => HttpAbuseCases.All;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Abuse_Case_RefusedOrForwardedAsOneRequestEach(string name, string request)
    {
        var marker = $"/abuse-{name}";

        var exchange = await RawExchange.SendAsync(fixture.Gateway.Address, request.Replace("{m}", marker, StringComparison.Ordinal).Replace("{h}", Host, StringComparison.Ordinal));

        Assert.True(exchange.Statuses.Count > 0 || exchange.Closed, $"neither answered nor closed: {exchange.Response}");
        // 505 is RFC 9110's answer to a well-formed request line naming another major version (HTTP/2.0 over HTTP/1.x).
        Assert.True(exchange.Statuses.All(s => s is >= 200 and < 500 || (s == 505 && name == "line-version-2")), $"answered {string.Join(", ", exchange.Statuses)}: {exchange.Response}");
        var forwarded = ForwardedResponse().Count(exchange.Response);
        await Task.Delay(200);
        Assert.Equal(forwarded, fixture.Upstream.Received(marker));
        await AssertServingAsync();
    }

    [Fact]
    public async Task Slowloris_HeadOneBytePerSecond_OtherClientsServedMeanwhile()
    {
        var marker = "/abuse-slowloris";
        var head = Encoding.ASCII.GetBytes($"GET {marker}/ok HTTP/1.1\r\nHost: {Host}\r\n\r\n");
        using var slow = new TcpClient();
        await slow.ConnectAsync("127.0.0.1", fixture.Gateway.Address.Port);
        var stream = slow.GetStream();
        var served = 0;
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 5; i++)
        {
            await stream.WriteAsync(head.AsMemory(i, 1));
            var watch = Stopwatch.StartNew();
            await AssertServingAsync();
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, watch.Elapsed.Ticks));
            served++;
            await Task.Delay(TimeSpan.FromSeconds(1) - watch.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        }

        Assert.Equal(5, served);
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"a normal request took {slowest.TotalMilliseconds:F0} ms during the slow head");
        Assert.Equal(0, fixture.Upstream.Received(marker));
    }

    [Fact]
    public async Task Http2PriorKnowledge_PlainListener_NotServedAsHttp2()
    {
        // The gateway's plaintext listener speaks HTTP/1.x only: Kestrel needs TLS (ALPN) to offer HTTP/2 on an
        // endpoint that also serves HTTP/1.1, so h2c prior knowledge gets GOAWAY(HTTP_1_1_REQUIRED) instead of SETTINGS,
        // and HTTP/2 abuse (rapid reset, CONTINUATION floods) has nothing to reach here.
        var exchange = await RawExchange.SendAsync(fixture.Gateway.Address, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\u0004\0\0\0\0\0");

        Assert.True(exchange.Closed, "the connection stayed open");
        var frame = Encoding.Latin1.GetBytes(exchange.Response);
        Assert.True(frame.Length == 17 && frame[3] == 0x07 && frame[16] == 0x0d, $"answered {Convert.ToHexString(frame)}, not only GOAWAY(HTTP_1_1_REQUIRED)");
        await AssertServingAsync();
    }

    private async Task AssertServingAsync()
    {
        var ok = await RawExchange.SendAsync(fixture.Gateway.Address, $"GET /alive HTTP/1.1\r\nHost: {Host}\r\nConnection: close\r\n\r\n");
        Assert.Equal([200], ok.Statuses);
    }

    [GeneratedRegex("^x-backend: marker", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ForwardedResponse();
}
