using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Framing;

/// <summary>
/// Badly framed HTTP/1.1 requests sent over raw sockets to a real gateway in front of a real upstream: each gets the
/// mesh's 400 (flag DPE) with the connection closed, and the upstream never receives a request the gateway did not
/// answer for (RFC 9112 §6.3, §7.1; request smuggling).
/// </summary>
public sealed class RequestFramingTests : IAsyncLifetime
{
    private const string Host = "framing.test";
    private const string Chunked = $"POST /v1/upload HTTP/1.1\r\nHost: {Host}\r\nTransfer-Encoding: chunked\r\n\r\n";
    private const string Smuggled = $"GET /SMUGGLED HTTP/1.1\r\nHost: {Host}\r\n\r\n";
    private readonly MeshCluster _mesh = new(silos: 1);
    private StatusBackend _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _upstream = await StatusBackend.StartAsync(name: "upstream");
        await _mesh.ApplyAsync($$$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: framing}
            spec:
              hosts: [{{{Host}}}]
              ports: [{number: 80, name: http, protocol: HTTP}]
              resolution: STATIC
              endpoints:
              - {address: 127.0.0.1, ports: {http: {{{_upstream.Port}}}}}
            """);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    [Theory]
    [InlineData("zz\r\nhello\r\n0\r\n\r\n")]
    [InlineData("ffffffffffffffffffff\r\nhello\r\n0\r\n\r\n")]
    [InlineData("-1\r\nhello\r\n0\r\n\r\n")]
    [InlineData("3\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5\nhello\n0\n\n")]
    [InlineData("5\r\nhello\r\n0\r\nGET /SMUGGLED HTTP/1.1\r\n\r\n")]
    public async Task Post_MalformedChunkedBody_400InvalidBodyAndNothingSentUpstream(string body)
    {
        var before = _upstream.Requests;

        var exchange = await RawExchange.SendAsync(_gateway.Address, Chunked + body);

        AssertRefused(exchange, "invalid_body");
        Assert.Equal(before, _upstream.Requests);
    }

    [Fact]
    public async Task Post_ChunkBrokenAfterForwarding_400InvalidBodyNot502()
    {
        var before = _upstream.Requests;

        var exchange = await RawExchange.SendAsync(
            _gateway.Address,
            [Chunked + "5\r\nhello\r\n", "zz\r\n"],
            () => Eventually.TrueAsync(() => _upstream.Requests > before, "the upstream receiving the request"));

        AssertRefused(exchange, "invalid_body");
        Assert.Contains("chunk size must be hexadecimal digits", exchange.Response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+5")]
    [InlineData("5,5")]
    [InlineData("5 5")]
    [InlineData("0x5")]
    [InlineData("5.0")]
    [InlineData("99999999999999999999999")]
    public async Task Post_ContentLengthNotDigits_400AndTheRestNeverParsed(string length)
    {
        var before = _upstream.Requests;

        var exchange = await RawExchange.SendAsync(_gateway.Address, $"POST /v1/upload HTTP/1.1\r\nHost: {Host}\r\nContent-Length: {length}\r\n\r\nhello" + Smuggled);

        AssertRefused(exchange, "invalid_content_length");
        Assert.Equal(before, _upstream.Requests);
    }

    [Fact]
    public async Task Post_ContentLengthWithLeadingZeros_Forwarded()
    {
        var exchange = await RawExchange.SendAsync(_gateway.Address, $"POST /v1/upload HTTP/1.1\r\nHost: {Host}\r\nContent-Length: 005\r\nConnection: close\r\n\r\nhello");

        Assert.Equal([200], exchange.Statuses);
        Assert.Contains("x-body-length: 5", exchange.Response, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_LowerCaseProtocolName_400Not505()
    {
        var exchange = await RawExchange.SendAsync(_gateway.Address, $"GET / http/1.1\r\nHost: {Host}\r\n\r\n");

        AssertRefused(exchange, "invalid_request_line");
    }

    [Fact]
    public async Task Get_ControlCharacterInHeaderName_400AndNotForwarded()
    {
        var before = _upstream.Requests;

        var exchange = await RawExchange.SendAsync(_gateway.Address, $"GET / HTTP/1.1\r\nHost: {Host}\r\nX\u0001y: 1\r\n\r\n");

        AssertRefused(exchange, "invalid_header");
        Assert.Equal(before, _upstream.Requests);
    }

    [Fact]
    public async Task Pipelined_GoodThenBad_FirstAnsweredThen400AndClosed()
    {
        var before = _upstream.Requests;

        var exchange = await RawExchange.SendAsync(_gateway.Address, $"GET /first HTTP/1.1\r\nHost: {Host}\r\n\r\nPOST / HTTP/1.1\r\nHost: {Host}\r\nContent-Length: +5\r\n\r\nhello" + Smuggled);

        Assert.Equal([200, 400], exchange.Statuses);
        Assert.True(exchange.Closed, "the connection stayed open after the refusal");
        Assert.Equal(before + 1, _upstream.Requests);
    }

    [Fact]
    public async Task UpgradeNotTaken_NextRequestOnTheConnectionStillChecked()
    {
        var before = _upstream.Requests;

        var exchange = await RawExchange.SendAsync(
            _gateway.Address,
            $"GET /ws HTTP/1.1\r\nHost: {Host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nPOST / HTTP/1.1\r\nHost: {Host}\r\nContent-Length: +5\r\n\r\nhello" + Smuggled);

        Assert.Equal(400, exchange.Statuses[^1]);
        Assert.Contains("invalid_content_length", exchange.Response, StringComparison.Ordinal);
        Assert.DoesNotContain("SMUGGLED", exchange.Response, StringComparison.Ordinal);
        Assert.True(_upstream.Requests - before <= 1, $"the upstream received {_upstream.Requests - before} requests");
    }

    private static void AssertRefused(RawExchange exchange, string code)
    {
        Assert.True(exchange.Statuses.Count == 1 && exchange.Statuses[0] == 400, $"answered: {exchange.Response}");
        Assert.Contains("x-mesh-response-flags: DPE", exchange.Response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"code\":\"{code}\"", exchange.Response, StringComparison.Ordinal);
        Assert.True(exchange.Closed, "the connection stayed open after the refusal");
    }
}
