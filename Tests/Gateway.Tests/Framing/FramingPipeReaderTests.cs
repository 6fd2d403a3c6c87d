using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using OrleansMesh.Gateway.Framing;

namespace OrleansMesh.Gateway.Tests.Framing;

public sealed class FramingPipeReaderTests
{
    private const string Get = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";

    [Fact]
    public async Task ReadAsync_WaitingForTheClient_CompletesWithTheHeadWhenItArrives()
    {
        var (transport, reader) = Connection();

        var read = reader.ReadAsync();
        Assert.False(read.IsCompleted);
        await WriteAsync(transport, Get);

        Assert.Equal(Get, Text((await read).Buffer));
    }

    [Fact]
    public async Task ReadAsync_HeadInPieces_StaysWaitingUntilTheHeadIsWhole()
    {
        var (transport, reader) = Connection();

        var read = reader.ReadAsync();
        await WriteAsync(transport, Get[..10]);
        Assert.False(read.IsCompleted);
        await WriteAsync(transport, Get[10..]);

        Assert.Equal(Get, Text((await read).Buffer));
    }

    [Fact]
    public async Task ReadAsync_EveryRequestOfAKeepAliveConnection_WaitsAndCompletes()
    {
        var (transport, reader) = Connection();

        for (var i = 0; i < 3; i++)
        {
            var read = reader.ReadAsync();
            Assert.False(read.IsCompleted);
            await WriteAsync(transport, Get);
            var result = await read;
            Assert.Equal(Get, Text(result.Buffer));
            reader.AdvanceTo(result.Buffer.End);
        }
    }

    [Fact]
    public async Task ReadAsync_HeadViolationWhileWaiting_EndsTheInputBeforeTheBadHead()
    {
        var (transport, reader) = Connection();

        var read = reader.ReadAsync();
        await WriteAsync(transport, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
        var result = await read;

        Assert.True(result.IsCompleted);
        Assert.Equal(0, result.Buffer.Length);
        Assert.True(reader.EndedAtHeadViolation);
    }

    private static (PipeWriter Transport, FramingPipeReader Reader) Connection()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
        return (pipe.Writer, new FramingPipeReader(pipe.Reader, new Http1RequestFraming(4096)));
    }

    private static async Task WriteAsync(PipeWriter transport, string text) => await transport.WriteAsync(Encoding.Latin1.GetBytes(text));

    private static string Text(ReadOnlySequence<byte> buffer) => Encoding.Latin1.GetString(buffer.ToArray());
}
