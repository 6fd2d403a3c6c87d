using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using OrleansMesh.Gateway.Framing;

namespace OrleansMesh.Benchmarks;

/// <summary>
/// <see cref="Http1RequestFraming.Examine"/> over what an OpenAI client sends on a keep-alive connection: the head
/// of a <c>POST /v1/chat/completions</c> with the headers an SDK sets, and a JSON body, by Content-Length or chunked.
/// What the connection-level framing check adds to each request before Kestrel parses it.
/// </summary>
[MemoryDiagnoser]
public class RequestFramingBenchmarks
{
    private const string Head = "POST /v1/chat/completions HTTP/1.1\r\nHost: chat-model\r\nUser-Agent: OpenAI/Python 1.54.0\r\nAccept: application/json\r\n"
        + "Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nAuthorization: Bearer sk-0123456789abcdef0123456789abcdef\r\n"
        + "X-Stainless-Lang: python\r\nX-Stainless-Runtime: CPython\r\nx-tenant-id: tenant-42\r\n";

    private static readonly string Json = "{\"model\":\"chat-model\",\"stream\":true,\"max_tokens\":256,\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('x', 300) + "\"}]}";

    private ReadOnlySequence<byte> _contentLength;
    private ReadOnlySequence<byte> _chunked;
    private Http1RequestFraming _framing = null!;

    [GlobalSetup]
    public void Setup()
    {
        _contentLength = new(Encoding.ASCII.GetBytes($"{Head}Content-Length: {Json.Length}\r\n\r\n{Json}"));
        _chunked = new(Encoding.ASCII.GetBytes($"{Head}Transfer-Encoding: chunked\r\n\r\n{Json.Length:x}\r\n{Json}\r\n0\r\n\r\n"));
        _framing = new Http1RequestFraming(40_000);
    }

    [Benchmark(Baseline = true)]
    public long Examine_ContentLengthRequest() => Examine(_contentLength);

    [Benchmark]
    public long Examine_ChunkedRequest() => Examine(_chunked);

    private long Examine(in ReadOnlySequence<byte> request)
    {
        var passed = _framing.Examine(request, serverIdle: true);
        if (passed != request.Length)
        {
            throw new InvalidOperationException($"passed {passed} of {request.Length} bytes: {_framing.Violation}");
        }

        return passed;
    }
}
