using System.Buffers;
using System.Text;
using OrleansMesh.Gateway.Framing;

namespace OrleansMesh.Gateway.Tests.Framing;

/// <summary>
/// RFC 9112's request framing, as the gateway checks it before Kestrel parses a request: what is passed on, and
/// what is refused with which code and rule.
/// </summary>
public sealed class Http1RequestFramingTests
{
    private const string Get = "GET /v1/models HTTP/1.1\r\nHost: model\r\n\r\n";
    private const string Upgrade = "GET /ws HTTP/1.1\r\nHost: model\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n\r\n";
    private const string PostHead = "POST /v1/chat HTTP/1.1\r\nHost: model\r\n";

    [Fact]
    public void Examine_CompleteGet_PassesIt()
    {
        var run = FramingRun.Whole(Get);

        Assert.Equal(Get.Length, run.Passed);
        Assert.Null(run.Framing.Violation);
        Assert.Equal(FramingState.Head, run.Framing.State);
    }

    [Fact]
    public void Examine_HeadNotFinished_PassesNothing()
    {
        var run = new FramingRun(Get).Receive(Get.Length - 1);

        Assert.Equal(0, run.Passed);
        Assert.Null(run.Framing.Violation);
    }

    [Fact]
    public void Examine_PipelinedRequestsWithBodies_PassesEveryByte()
    {
        var connection = PostHead + "Content-Length: 5\r\n\r\nhello" + PostHead + "Transfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n0\r\nx-trailer: 1\r\n\r\n" + Get;

        var run = FramingRun.Whole(connection);

        Assert.Equal(connection.Length, run.Passed);
        Assert.Equal(3, run.Framing.Requests);
        Assert.Null(run.Framing.Violation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    public void Examine_HeadsAcrossBufferSegments_PassesTheSameAsOneBuffer(int segment)
    {
        var connection = "\r\n" + PostHead + "Content-Length: 3\r\n\r\nabc" + Get + Get;

        var run = new FramingRun(connection, segment: segment).Receive(int.MaxValue);

        Assert.Equal(FramingRun.Whole(connection).Passed, run.Passed);
        Assert.Equal(3, run.Framing.Requests);
        Assert.Null(run.Framing.Violation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Examine_BareLfAcrossBufferSegments_IsRefused(int segment)
    {
        var run = new FramingRun("GET / HTTP/1.1\r\nHost: model\nX: 1\r\n\r\n", segment: segment).Receive(int.MaxValue);

        Assert.Equal(0, run.Passed);
        Assert.Equal(FramingCodes.InvalidHeader, run.Framing.Violation?.Code);
    }

    [Fact]
    public void Examine_HeadTooLargeAcrossBufferSegments_IsRefused()
    {
        var run = new FramingRun(PostHead + "X-Long: " + new string('a', 200) + "\r\n\r\n", maxHeadBytes: 128, segment: 16).Receive(int.MaxValue);

        Assert.Equal(0, run.Passed);
        Assert.NotNull(run.Framing.Violation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Examine_BytesInSmallPieces_PassesTheSameAsWhole(int piece)
    {
        var connection = "\r\n" + PostHead + "Transfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n0\r\n\r\n" + PostHead + "Content-Length: 3\r\n\r\nabc" + Get;

        var run = new FramingRun(connection).Receive(int.MaxValue, piece);

        Assert.Equal(connection.Length, run.Passed);
        Assert.Null(run.Framing.Violation);
    }

    [Fact]
    public void Examine_ChunkedBodyArriving_PassesChunkDataAsItComes()
    {
        var head = PostHead + "Transfer-Encoding: chunked\r\n\r\n";
        var run = new FramingRun(head + "400\r\n" + new string('x', 1024) + "\r\n0\r\n\r\n").Receive(head.Length + 5 + 100);

        Assert.Equal(head.Length + 5 + 100, run.Passed);
    }

    [Fact]
    public void Examine_EmptyLinesBeforeRequestLine_AreAccepted()
    {
        var run = FramingRun.Whole("\r\n\r\n" + Get);

        Assert.Equal(4 + Get.Length, run.Passed);
        Assert.Null(run.Framing.Violation);
    }

    [Theory]
    [InlineData("005")]
    [InlineData("5")]
    public void Examine_ContentLengthDigits_Accepted(string value)
    {
        var run = FramingRun.Whole(PostHead + $"Content-Length: {value}\r\n\r\nhello");

        Assert.Null(run.Framing.Violation);
        Assert.Equal(FramingState.Head, run.Framing.State);
    }

    // RFC 9110 §8.6: Content-Length = 1*DIGIT.
    [Theory]
    [InlineData("+5")]
    [InlineData("-5")]
    [InlineData("5 5")]
    [InlineData("5,5")]
    [InlineData("0x5")]
    [InlineData("5.0")]
    [InlineData("")]
    public void Examine_ContentLengthNotDigits_Refused(string value)
    {
        var run = FramingRun.Whole(PostHead + $"Content-Length: {value}\r\n\r\nhelloGET /SMUGGLED HTTP/1.1\r\nHost: model\r\n\r\n");

        AssertRefused(run, FramingCodes.InvalidContentLength, "Content-Length must be a sequence of digits", passed: 0);
    }

    [Fact]
    public void Examine_ContentLengthOverLong_Refused()
    {
        var run = FramingRun.Whole(PostHead + "Content-Length: 99999999999999999999\r\n\r\n");

        AssertRefused(run, FramingCodes.InvalidContentLength, "Content-Length is too large", passed: 0);
    }

    [Fact]
    public void Examine_TwoContentLengths_Refused()
    {
        var run = FramingRun.Whole(PostHead + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello");

        AssertRefused(run, FramingCodes.InvalidContentLength, "a request must not have more than one Content-Length", passed: 0);
    }

    // RFC 9112 §2.3: HTTP-name is case-sensitive.
    [Theory]
    [InlineData("GET / http/1.1")]
    [InlineData("GET / HTTP/1.1 ")]
    [InlineData("GET / HTTP/11")]
    [InlineData("GET / HTTP/1.x")]
    [InlineData("GET / HTTP/1.1.1")]
    public void Examine_MalformedVersion_Refused(string line)
    {
        var run = FramingRun.Whole(line + "\r\nHost: model\r\n\r\n");

        AssertRefused(run, FramingCodes.InvalidRequestLine, "the protocol must be HTTP/<digit>.<digit>, upper case", passed: 0);
    }

    [Theory]
    [InlineData("GET  / HTTP/1.1", "the request target must be visible ASCII followed by one space")]
    [InlineData("GET /a\u0001 HTTP/1.1", "the request target must be visible ASCII followed by one space")]
    [InlineData("GET /\u00e9 HTTP/1.1", "the request target must be visible ASCII followed by one space")]
    [InlineData("G(T / HTTP/1.1", "the method must be a token followed by one space")]
    [InlineData(" GET / HTTP/1.1", "the method must be a token followed by one space")]
    public void Examine_MalformedRequestLine_Refused(string line, string rule)
    {
        var run = FramingRun.Whole(line + "\r\nHost: model\r\n\r\n");

        AssertRefused(run, FramingCodes.InvalidRequestLine, rule, passed: 0);
    }

    // RFC 9110 §5.1: field-name = token; §5.5: no CTL in a field value; RFC 9112 §5.2: obs-fold refused.
    [Theory]
    [InlineData("X\u0001y: 1", "a header field name must be a token followed by ':'")]
    [InlineData("Transfer-Encoding : chunked", "a header field name must be a token followed by ':'")]
    [InlineData(": value", "a header field name must be a token followed by ':'")]
    [InlineData("X-A: 1\u0000", "a header field value must not contain control characters")]
    [InlineData("X-A: a\u007fb", "a header field value must not contain control characters")]
    [InlineData(" folded", "obsolete line folding is not allowed")]
    [InlineData("Host: other", "a request must not have more than one Host header")]
    public void Examine_MalformedField_Refused(string field, string rule)
    {
        var run = FramingRun.Whole("GET / HTTP/1.1\r\nHost: model\r\n" + field + "\r\n\r\n");

        AssertRefused(run, FramingCodes.InvalidHeader, rule, passed: 0);
    }

    [Fact]
    public void Examine_ObsTextAndTabInValue_Accepted()
    {
        var run = FramingRun.Whole("GET / HTTP/1.1\r\nHost: model\r\nX-A: caf\u00e9\tok\r\n\r\n");

        Assert.Null(run.Framing.Violation);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\nHost: model\n\n", "lines must end with CRLF, not a bare LF")]
    [InlineData("GET / HTTP/1.1\r\nHost: model\n\r\n", "lines must end with CRLF, not a bare LF")]
    [InlineData("GET / HTTP/1.1\r\nHost: mo\rdel\r\n\r\n", "a bare CR is not allowed in a request head")]
    public void Examine_BareLineEnds_Refused(string connection, string rule)
    {
        AssertRefused(FramingRun.Whole(connection), FramingCodes.InvalidHeader, rule, passed: 0);
    }

    // RFC 9112 §6.1 and §6.3: smuggling by Transfer-Encoding.
    [Theory]
    [InlineData("Content-Length: 5\r\nTransfer-Encoding: chunked", FramingCodes.AmbiguousFraming, "the request has both Content-Length and Transfer-Encoding")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 5", FramingCodes.AmbiguousFraming, "the request has both Content-Length and Transfer-Encoding")]
    [InlineData("Transfer-Encoding: xchunked", FramingCodes.UnsupportedTransferCoding, "the transfer coding is not supported; only chunked is")]
    [InlineData("Transfer-Encoding: chunked, identity", FramingCodes.UnsupportedTransferCoding, "the transfer coding is not supported; only chunked is")]
    [InlineData("Transfer-Encoding: gzip, chunked", FramingCodes.UnsupportedTransferCoding, "the transfer coding is not supported; only chunked is")]
    [InlineData("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked", FramingCodes.UnsupportedTransferCoding, "the transfer coding is not supported; only chunked is")]
    [InlineData("Transfer-Encoding: ", FramingCodes.UnsupportedTransferCoding, "the transfer coding is not supported; only chunked is")]
    public void Examine_AmbiguousTransferEncoding_Refused(string fields, string code, string rule)
    {
        var run = FramingRun.Whole(PostHead + fields + "\r\n\r\n0\r\n\r\n");

        AssertRefused(run, code, rule, passed: 0);
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked")]
    [InlineData("Transfer-Encoding:  CHUNKED ")]
    public void Examine_ChunkedSpelledAnyCase_Accepted(string field)
    {
        var run = FramingRun.Whole(PostHead + field + "\r\n\r\n0\r\n\r\n");

        Assert.Null(run.Framing.Violation);
        Assert.Equal(FramingState.Head, run.Framing.State);
    }

    [Fact]
    public void Examine_Http10WithTransferEncoding_Refused()
    {
        var run = FramingRun.Whole("POST / HTTP/1.0\r\nHost: model\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

        AssertRefused(run, FramingCodes.AmbiguousFraming, "an HTTP/1.0 request must not use Transfer-Encoding", passed: 0);
    }

    // RFC 9112 §7.1: chunk-size = 1*HEXDIG, chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF.
    [Theory]
    [InlineData("zz\r\nhello\r\n0\r\n\r\n", "a chunk size must be hexadecimal digits")]
    [InlineData("-1\r\nhello\r\n0\r\n\r\n", "a chunk size must be hexadecimal digits")]
    [InlineData("0x5\r\nhello\r\n0\r\n\r\n", "a chunk size must be hexadecimal digits")]
    [InlineData("ffffffffffffffffff\r\n", "the chunk size is too large")]
    [InlineData("3\r\nhello\r\n0\r\n\r\n", "the chunk data is longer than its declared size")]
    [InlineData("5\nhello\r\n0\r\n\r\n", "chunk lines must end with CRLF, not a bare LF")]
    [InlineData("5\rhello\r\n0\r\n\r\n", "chunk lines must end with CRLF, not a bare CR")]
    [InlineData("5\r\nhello\n0\r\n\r\n", "the chunk data is longer than its declared size")]
    [InlineData("5 x\r\nhello\r\n0\r\n\r\n", "only a chunk extension may follow a chunk size")]
    [InlineData("5;a\u0000\r\nhello\r\n0\r\n\r\n", "a chunk extension must not contain control characters")]
    [InlineData("5\r\nhello\r\n0\r\nGET /x HTTP/1.1\r\n\r\n", "a trailer field name must be a token followed by ':'")]
    [InlineData("0\r\nx-t: a\nb\r\n\r\n", "trailer lines must end with CRLF, not a bare LF")]
    [InlineData("0\r\n folded\r\n\r\n", "obsolete line folding is not allowed in trailers")]
    [InlineData("0\r\n\r\r", "the chunked body must end with CRLF")]
    public void Examine_MalformedChunkedBody_RefusedInBody(string body, string rule)
    {
        var head = PostHead + "Transfer-Encoding: chunked\r\n\r\n";

        var run = FramingRun.Whole(head + body);

        var violation = Assert.IsType<FramingViolation>(run.Framing.Violation);
        Assert.Equal((400, FramingCodes.InvalidBody, rule, true, 1), (violation.StatusCode, violation.Code, violation.Message, violation.InBody, violation.Request));
        Assert.True(run.Passed >= head.Length, "the head went to the server");
        Assert.DoesNotContain("GET /x", run.PassedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Examine_BadChunk_PassesTheBodyUpToTheBadByte()
    {
        var good = PostHead + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n";

        var run = FramingRun.Whole(good + "zz\r\n");

        Assert.Equal(good.Length, run.Passed);
    }

    [Fact]
    public void Examine_ViolationInSecondRequest_NumbersIt()
    {
        var run = FramingRun.Whole(Get + "GET / http/1.1\r\nHost: model\r\n\r\n");

        Assert.Equal(Get.Length, run.Passed);
        Assert.Equal(2, run.Framing.Violation?.Request);
    }

    [Fact]
    public void Examine_HeadLargerThanLimit_Refused431()
    {
        var run = new FramingRun("GET / HTTP/1.1\r\nX-Big: " + new string('a', 200), maxHeadBytes: 100).Receive(int.MaxValue);

        var violation = Assert.IsType<FramingViolation>(run.Framing.Violation);
        Assert.Equal((431, FramingCodes.HeaderTooLarge, "the request head is larger than 100 bytes"), (violation.StatusCode, violation.Code, violation.Message));
    }

    [Fact]
    public void Examine_TlsHandshake_PassedThrough()
    {
        var run = FramingRun.Whole("\u0016\u0003\u0001\u0002\u0000GET nonsense\n");

        Assert.Equal(FramingState.PassThrough, run.Framing.State);
        Assert.Equal(run.PassedText.Length, run.Passed);
    }

    [Fact]
    public void Examine_Http2Preface_PassedThrough()
    {
        var run = FramingRun.Whole("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\u0000\u0000");

        Assert.Equal(FramingState.PassThrough, run.Framing.State);
    }

    [Fact]
    public void Examine_UpgradeAfterAnotherRequest_HeldUntilTheServerConsumedThatOne()
    {
        var run = FramingRun.Whole(Get + Upgrade);
        Assert.Equal(Get.Length, run.Passed);

        run.Examine(serverIdle: true);

        Assert.Equal(Get.Length + Upgrade.Length, run.Passed);
        Assert.Equal(FramingState.AwaitingUpgradeResponse, run.Framing.State);
    }

    [Fact]
    public void Examine_UpgradeWhileServerBusy_Held()
    {
        var framing = new Http1RequestFraming(4096);
        var bytes = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(Upgrade));

        Assert.Equal(0, framing.Examine(bytes, serverIdle: false));
        Assert.Equal(bytes.Length, framing.Examine(bytes, serverIdle: true));
    }

    [Fact]
    public void Examine_UpgradeAnswered101_PassesTheRestThrough()
    {
        var run = new FramingRun(Upgrade + "\u0081\u0085frame bytes, not HTTP\n").Receive(int.MaxValue);
        Assert.Equal(Upgrade.Length, run.Passed);

        run.Framing.ResponseWatch.Observe("HTTP/1.1 101 Switching Protocols\r\n"u8);
        run.Examine(serverIdle: true);

        Assert.Equal(FramingState.PassThrough, run.Framing.State);
        Assert.Equal(run.PassedText.Length, run.Passed);
    }

    [Fact]
    public void Examine_UpgradeNotTaken_ChecksTheNextRequest()
    {
        var run = new FramingRun(Upgrade + PostHead + "Content-Length: +5\r\n\r\nhello").Receive(int.MaxValue);

        run.Framing.ResponseWatch.Observe("HTTP/1.1 400 Bad Request\r\n"u8);
        run.Examine(serverIdle: true);

        Assert.Equal(Upgrade.Length, run.Passed);
        Assert.Equal((FramingCodes.InvalidContentLength, 2), (run.Framing.Violation?.Code, run.Framing.Violation?.Request));
    }

    [Fact]
    public void Examine_UpgradeWithBody_Refused()
    {
        var run = FramingRun.Whole("POST /ws HTTP/1.1\r\nHost: model\r\nConnection: upgrade\r\nContent-Length: 5\r\n\r\nhello");

        AssertRefused(run, FramingCodes.AmbiguousFraming, "an upgrade request must not have a body", passed: 0);
    }

    private static void AssertRefused(FramingRun run, string code, string rule, int passed)
    {
        var violation = Assert.IsType<FramingViolation>(run.Framing.Violation);
        Assert.Equal((400, code, rule, false), (violation.StatusCode, violation.Code, violation.Message, violation.InBody));
        Assert.Equal(passed, run.Passed);
        Assert.Equal(FramingState.Failed, run.Framing.State);
    }
}
