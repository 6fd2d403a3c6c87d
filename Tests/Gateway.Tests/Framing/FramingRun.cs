using System.Buffers;
using System.Text;
using OrleansMesh.Gateway.Framing;

namespace OrleansMesh.Gateway.Tests.Framing;

/// <summary>
/// Feeds a connection's bytes to <see cref="Http1RequestFraming"/> in pieces of a given size, as a server that reads
/// everything it is shown at once: how many bytes the server got, and the violation.
/// </summary>
internal sealed class FramingRun
{
    private readonly byte[] _bytes;
    private int _received;

    private readonly int _segment;

    /// <param name="connection">The bytes the client sends.</param>
    /// <param name="maxHeadBytes">The framing's head limit.</param>
    /// <param name="segment">The size of each buffer segment the pending bytes are shown in (a pipe's blocks).</param>
    public FramingRun(string connection, int maxHeadBytes = 4096, int segment = int.MaxValue)
    {
        _bytes = Encoding.Latin1.GetBytes(connection);
        _segment = segment;
        Framing = new Http1RequestFraming(maxHeadBytes);
    }

    public Http1RequestFraming Framing { get; }

    /// <summary>Bytes passed on to the server so far.</summary>
    public int Passed { get; private set; }

    public string PassedText => Encoding.Latin1.GetString(_bytes, 0, Passed);

    public static FramingRun Whole(string connection) => new FramingRun(connection).Receive(int.MaxValue);

    /// <summary>Receives up to <paramref name="count"/> more bytes, in pieces of <paramref name="piece"/>.</summary>
    public FramingRun Receive(int count, int piece = int.MaxValue)
    {
        var end = (int)Math.Min((long)_received + count, _bytes.Length);
        while (_received < end)
        {
            _received = Math.Min(_received + piece, end);
            Passed += (int)Framing.Examine(Pending(), serverIdle: true);
        }

        return this;
    }

    public FramingRun Examine(bool serverIdle)
    {
        Passed += (int)Framing.Examine(Pending(), serverIdle);
        return this;
    }

    private ReadOnlySequence<byte> Pending()
    {
        var pending = _bytes.AsMemory(Passed, _received - Passed);
        if (pending.Length <= _segment)
        {
            return new ReadOnlySequence<byte>(pending);
        }

        var first = new Segment(pending[.._segment], 0);
        var last = first;
        for (var start = _segment; start < pending.Length; start += _segment)
        {
            last = last.Append(pending[start..Math.Min(start + _segment, pending.Length)]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
