namespace OrleansMesh.Integration.Tests.Framing;

/// <summary>
/// Raw HTTP/1.1 requests no well-behaved client sends, by name. <c>{m}</c> stands for the case's marker path (every
/// request of a case, smuggled ones included, carries it, so the upstream can count them) and <c>{h}</c> for the
/// routed host.
/// </summary>
internal static class HttpAbuseCases
{
    private const string Get = "GET {m}/ok HTTP/1.1\r\nHost: {h}\r\n";
    private const string Smuggled = "GET {m}/SMUGGLED HTTP/1.1\r\nHost: {h}\r\n\r\n";
    private const string Post = "POST {m}/post HTTP/1.1\r\nHost: {h}\r\n";

    public static TheoryData<string, string> All { get; } = new()
    {
        // Malformed request lines.
        { "line-double-space", "GET  {m}/ HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "line-trailing-word", "GET {m}/ HTTP/1.1 extra\r\nHost: {h}\r\n\r\n" },
        { "line-tab", "GET\t{m}/ HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "line-nul-in-method", "G\0T {m}/ HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "line-no-method", "{m}/ HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "line-http09", "GET {m}/\r\n\r\n" },
        { "line-lowercase-protocol", "GET {m}/ http/1.1\r\nHost: {h}\r\n\r\n" },
        { "line-bare-lf", "GET {m}/ HTTP/1.1\nHost: {h}\n\n" },
        { "line-control-in-target", "GET {m}/a\u0001b HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "line-space-in-target", "GET {m}/a b HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "line-non-ascii-target", "GET {m}/\u00e9 HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "line-version-2", "GET {m}/ HTTP/2.0\r\nHost: {h}\r\n\r\n" },
        { "line-empty-lines-first", "\r\n\r\n\r\n" + Get + "Connection: close\r\n\r\n" },
        { "line-very-long-target", "GET {m}/" + new string('a', 70_000) + " HTTP/1.1\r\nHost: {h}\r\n\r\n" },

        // Field names and values.
        { "name-control", Get + "X\u0001y: 1\r\n\r\n" },
        { "name-space-before-colon", Get + "X-A : 1\r\n\r\n" },
        { "name-empty", Get + ": 1\r\n\r\n" },
        { "name-no-colon", Get + "X-A\r\n\r\n" },
        { "value-nul", Get + "X-A: a\0b\r\n\r\n" },
        { "value-del", Get + "X-A: a\u007fb\r\n\r\n" },
        { "value-bare-cr", Get + "X-A: a\rb\r\n\r\n" },
        { "value-bare-lf-injected", Get + "X-A: a\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" },
        { "obs-fold", Get + "X-A: a\r\n b\r\n\r\n" },
        { "obs-fold-first-line", "GET {m}/ HTTP/1.1\r\n Host: {h}\r\n\r\n" },
        { "host-duplicate", Get + "Host: {h}\r\n\r\n" },
        { "host-duplicate-different", Get + "Host: other.test\r\n\r\n" },
        { "host-missing", "GET {m}/ HTTP/1.1\r\nConnection: close\r\n\r\n" },

        // Request targets.
        { "absolute-form", "GET http://{h}{m}/abs HTTP/1.1\r\nHost: {h}\r\nConnection: close\r\n\r\n" },
        { "absolute-form-other-authority", "GET http://other.test{m}/abs HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "authority-form-connect", "CONNECT {h}:80 HTTP/1.1\r\nHost: {h}\r\n\r\n" },
        { "asterisk-form-get", "GET * HTTP/1.1\r\nHost: {h}\r\n\r\n" },

        // Sizes.
        { "huge-header", Get + "X-Big: " + new string('a', 70_000) + "\r\n\r\n" },
        { "too-many-headers", Get + string.Concat(Enumerable.Range(0, 500).Select(i => $"X-{i}: {i}\r\n")) + "\r\n" },

        // Chunked bodies.
        { "chunk-size-not-hex", Post + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n" },
        { "chunk-size-negative", Post + "Transfer-Encoding: chunked\r\n\r\n-1\r\nhello\r\n0\r\n\r\n" },
        { "chunk-size-0x", Post + "Transfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n" },
        { "chunk-size-overflow", Post + "Transfer-Encoding: chunked\r\n\r\n10000000000000005\r\nhello\r\n0\r\n\r\n" },
        { "chunk-size-leading-space", Post + "Transfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n" },
        { "chunk-data-too-long", Post + "Transfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n" + Smuggled },
        { "chunk-extension-control", Post + "Transfer-Encoding: chunked\r\n\r\n5;a=\u0001\r\nhello\r\n0\r\n\r\n" },
        { "chunk-extension-huge", Post + "Transfer-Encoding: chunked\r\n\r\n5;" + new string('e', 10_000) + "\r\nhello\r\n0\r\n\r\n" },
        { "chunk-extension-valid", Post + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5;name=\"v\"\r\nhello\r\n0\r\n\r\n" },
        { "chunk-bare-lf", Post + "Transfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n" },
        { "chunk-trailer-request", Post + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n" + Smuggled },

        // Pipelining.
        { "pipelined-three-gets", Get + "\r\n" + Get + "\r\n" + Get + "Connection: close\r\n\r\n" },
        { "pipelined-post-then-get", Post + "Content-Length: 5\r\n\r\nhello" + Get + "Connection: close\r\n\r\n" },
        { "pipelined-good-then-bad", Get + "\r\n" + Post + "Content-Length: +5\r\n\r\nhello" + Smuggled },

        // Request smuggling: CL.TE, TE.CL, TE.TE obfuscations, CL tricks.
        { "cl-te", Post + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG" + Smuggled },
        { "te-cl", Post + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n5c\r\n" + Smuggled + "\r\n0\r\n\r\n" },
        { "te-xchunked", Post + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-leading-space-value", Post + "Transfer-Encoding:  chunked\r\nConnection: close\r\n\r\n0\r\n\r\n" },
        { "te-tab-value", Post + "Transfer-Encoding:\tchunked\r\nConnection: close\r\n\r\n0\r\n\r\n" },
        { "te-trailing-tab", Post + "Transfer-Encoding: chunked\t\r\nConnection: close\r\n\r\n0\r\n\r\n" },
        { "te-space-before-colon", Post + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-tab-before-colon", Post + "Transfer-Encoding\t: chunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-chunked-identity", Post + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-identity-chunked", Post + "Transfer-Encoding: identity, chunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-gzip-chunked", Post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-duplicate", Post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-duplicate-chunked", Post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-uppercase", Post + "Transfer-Encoding: CHUNKED\r\nConnection: close\r\n\r\n0\r\n\r\n" },
        { "te-underscore-name", Post + "Transfer_Encoding: chunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-in-http10", "POST {m}/post HTTP/1.0\r\nHost: {h}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "te-vertical-tab", Post + "Transfer-Encoding:\u000bchunked\r\n\r\n0\r\n\r\n" + Smuggled },
        { "cl-duplicate-different", Post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello" + Smuggled },
        { "cl-duplicate-same", Post + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello" + Smuggled },
        { "cl-list", Post + "Content-Length: 5, 5\r\n\r\nhello" + Smuggled },
        { "cl-plus", Post + "Content-Length: +5\r\n\r\nhello" + Smuggled },
        { "cl-negative", Post + "Content-Length: -1\r\n\r\nhello" + Smuggled },
        { "cl-on-get", "GET {m}/ok HTTP/1.1\r\nHost: {h}\r\nContent-Length: " + (Smuggled.Length + 2) + "\r\nConnection: close\r\n\r\n" + Smuggled },
        { "upgrade-with-body", "POST {m}/ws HTTP/1.1\r\nHost: {h}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nContent-Length: 5\r\n\r\nhello" + Smuggled },
        { "upgrade-h2c", "GET {m}/ok HTTP/1.1\r\nHost: {h}\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n" + Smuggled },
    };
}
