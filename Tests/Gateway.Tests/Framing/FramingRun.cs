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

    public FramingRun(string connection, int maxHeadBytes = 4096)
    {
        _bytes = Encoding.Latin1.GetBytes(connection);
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
            var pending = new ReadOnlySequence<byte>(_bytes, Passed, _received - Passed);
            Passed += (int)Framing.Examine(pending, serverIdle: true);
        }

        return this;
    }

    public FramingRun Examine(bool serverIdle)
    {
        Passed += (int)Framing.Examine(new ReadOnlySequence<byte>(_bytes, Passed, _received - Passed), serverIdle);
        return this;
    }
}
