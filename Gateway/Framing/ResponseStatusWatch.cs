namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// Reads the status code of the next response head the server writes on a connection, for a request that may switch
/// protocols. Written to by the response side, read by the request side.
/// </summary>
internal sealed class ResponseStatusWatch
{
    // "HTTP/1.1 101": the status code ends at byte 12 of the status line.
    private readonly byte[] _start = new byte[12];
    private int _length;
    private volatile bool _armed;
    private int _status;

    public bool IsArmed => _armed;

    /// <summary>The status code seen, 0 while none was, -1 for a status line that could not be read.</summary>
    public int Status => Volatile.Read(ref _status);

    public void Arm()
    {
        _length = 0;
        Volatile.Write(ref _status, 0);
        _armed = true;
    }

    /// <summary>Takes bytes the server wrote, while armed.</summary>
    public void Observe(ReadOnlySpan<byte> written)
    {
        var count = Math.Min(written.Length, _start.Length - _length);
        written[..count].CopyTo(_start.AsSpan(_length));
        _length += count;
        if (_length < _start.Length)
        {
            return;
        }

        var code = _start.AsSpan(9, 3);
        var status = HttpTokens.IsDigits(code) ? ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0') : -1;

        // An interim response (100 Continue, 103 Early Hints) comes before the one that decides; 101 is the switch itself.
        if (status is >= 100 and < 200 and not 101)
        {
            _length = 0;
            return;
        }

        _armed = false;
        Volatile.Write(ref _status, status);
    }
}
