using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using OrleansMesh.Gateway.Framing;

namespace OrleansMesh.Gateway.Tests.Framing;

/// <summary>The connection's output passes through the framing writer: the status of an upgrade's answer is read, and no block is kept.</summary>
public sealed class FramingPipeWriterTests
{
    [Fact]
    public void Advance_WrittenBlock_IsNotKeptAlive()
    {
        var inner = new OneBlockPerWriteWriter();
        var writer = new FramingPipeWriter(inner, new ResponseStatusWatch());

        var block = WriteOnce(writer, "data: {}\n\n"u8);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // An open SSE stream waits between writes; the transport's block must not stay reachable from the writer meanwhile.
        Assert.False(block.IsAlive);
        GC.KeepAlive(writer);
    }

    [Fact]
    public void Advance_WhileArmed_ReadsTheStatusWritten()
    {
        var watch = new ResponseStatusWatch();
        watch.Arm();
        var writer = new FramingPipeWriter(new OneBlockPerWriteWriter(), watch);

        WriteOnce(writer, "HTTP/1.1 101 Switching Protocols\r\n"u8);

        Assert.Equal(101, watch.Status);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WriteOnce(PipeWriter writer, ReadOnlySpan<byte> bytes)
    {
        var memory = writer.GetMemory(bytes.Length);
        bytes.CopyTo(memory.Span);
        var block = new WeakReference(OneBlockPerWriteWriter.Last);
        writer.Advance(bytes.Length);
        return block;
    }

    /// <summary>A transport that hands out a new block for each write and forgets it once written, as a pool that dropped it.</summary>
    private sealed class OneBlockPerWriteWriter : PipeWriter
    {
        [ThreadStatic]
        private static byte[]? s_last;

        private byte[]? _block;

        public static byte[]? Last => s_last;

        public override Memory<byte> GetMemory(int sizeHint = 0) => s_last = _block = new byte[Math.Max(sizeHint, 4096)];

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            _block = null;
            s_last = null;
        }

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new FlushResult(false, false));
    }
}
