using System.Buffers;

namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// Follows the HTTP/1.x requests of one connection as their bytes arrive, before the server parses them, and says how
/// many may go on to it: a request head only once it is complete and valid (RFC 9112 §2–§5), a body as far as its
/// framing checks out (Content-Length, or chunked with strict CRLF line ends, hexadecimal sizes that fit a long,
/// extensions and trailers without control characters). At the first violation it stops: the server sees the
/// connection end before the request, or in the middle of the body that broke the rules, and
/// <see cref="Violation"/> says why. This is what makes a request that two parsers would read differently (request
/// smuggling) impossible: the server never reads bytes this class has not accepted as part of one request.
/// </summary>
/// <remarks>
/// A request with <c>Connection: upgrade</c> goes to the server only once everything before it was consumed, and the
/// bytes after it wait for its response (<see cref="ResponseWatch"/>): after a 101 the connection carries another
/// protocol and is passed through; after any other answer HTTP/1.x goes on and is checked. TLS and HTTP/2 prior
/// knowledge are passed through untouched. Used by one reader at a time; only <see cref="ResponseWatch"/> is written
/// by the response side.
/// </remarks>
internal sealed class Http1RequestFraming
{
    private const int MaxChunkLineBytes = 4096;
    private static ReadOnlySpan<byte> Http2Preface => "PRI * HTTP/2.0"u8;

    private readonly int _maxHeadBytes;
    private readonly RequestHeadCheck _head = new();
    private FramingState _state = FramingState.Start;
    private long _headChecked;
    private int _headLines;
    private long _pendingUpgradeHead;
    private long _remaining;
    private long _chunkSize;
    private int _chunkDigits;
    private int _lineBytes;
    private int _trailerBytes;

    /// <param name="maxHeadBytes">The longest request head accepted (request line, fields and line ends).</param>
    public Http1RequestFraming(int maxHeadBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeadBytes, 64);
        _maxHeadBytes = maxHeadBytes;
    }

    /// <summary>Request heads passed on so far.</summary>
    public int Requests { get; private set; }

    /// <summary>The first violation, once found.</summary>
    public FramingViolation? Violation { get; private set; }

    public FramingState State => _state;

    /// <summary>The status of the response to a pending upgrade request, fed by the response side.</summary>
    public ResponseStatusWatch ResponseWatch { get; } = new();

    /// <summary>
    /// Checks bytes not yet passed on and says how many of them, from the start, may go to the server now. Call it
    /// again with the same bytes (and more) until they are passed on: what was checked is remembered.
    /// </summary>
    /// <param name="pending">The bytes received and not passed on yet.</param>
    /// <param name="serverIdle">The server has consumed everything passed on before: it is between requests.</param>
    public long Examine(in ReadOnlySequence<byte> pending, bool serverIdle)
    {
        long passed = 0;
        while (true)
        {
            var rest = pending.Slice(passed);
            switch (_state)
            {
                case FramingState.PassThrough:
                    return pending.Length;
                case FramingState.Failed:
                    return passed;
                case FramingState.Start:
                    if (!DetectProtocol(rest))
                    {
                        return passed;
                    }

                    continue;
                case FramingState.AwaitingUpgradeResponse:
                    // No status yet means the server reads before answering: only the switched protocol does that.
                    _state = ResponseWatch.Status is 0 or 101 ? FramingState.PassThrough : FramingState.Head;
                    continue;
                case FramingState.Head:
                    var head = CheckHead(rest, serverIdle && passed == 0);
                    passed += head;
                    if (head == 0 || _state == FramingState.AwaitingUpgradeResponse)
                    {
                        return passed;
                    }

                    continue;
                default:
                    passed += CheckBody(rest);
                    if (_state is FramingState.Head)
                    {
                        continue;
                    }

                    return passed;
            }
        }
    }

    private bool DetectProtocol(in ReadOnlySequence<byte> rest)
    {
        if (rest.IsEmpty)
        {
            return false;
        }

        Span<byte> start = stackalloc byte[Http2Preface.Length];
        var length = (int)Math.Min(start.Length, rest.Length);
        rest.Slice(0, length).CopyTo(start);

        // A TLS record (handshake, 0x16) means this middleware runs before TLS: nothing here is HTTP/1.x text.
        if (start[0] == 0x16)
        {
            _state = FramingState.PassThrough;
            return true;
        }

        if (Http2Preface.StartsWith(start[..length]))
        {
            if (length < Http2Preface.Length)
            {
                return false;
            }

            _state = FramingState.PassThrough;
            return true;
        }

        _state = FramingState.Head;
        return true;
    }

    // Returns the bytes of a complete, valid head passed on now, or 0 (incomplete, refused or waiting).
    private long CheckHead(in ReadOnlySequence<byte> rest, bool serverIdle)
    {
        if (_pendingUpgradeHead > 0)
        {
            return serverIdle ? PassUpgradeHead() : 0;
        }

        // The whole head nearly always sits in one buffer: its lines are then found in a span, not by sequence positions.
        return rest.IsSingleSegment ? CheckHead(rest.FirstSpan, serverIdle) : CheckSegmentedHead(rest, serverIdle);
    }

    private long CheckHead(ReadOnlySpan<byte> rest, bool serverIdle)
    {
        while (true)
        {
            var unexamined = rest[(int)_headChecked..];
            var lf = unexamined.IndexOf((byte)'\n');
            if (lf < 0)
            {
                return Unfinished(unexamined.Length);
            }

            if (NextLine(unexamined[..lf], serverIdle) is { } done)
            {
                return done;
            }
        }
    }

    private long CheckSegmentedHead(in ReadOnlySequence<byte> rest, bool serverIdle)
    {
        while (true)
        {
            var unexamined = rest.Slice(_headChecked);
            if (unexamined.PositionOf((byte)'\n') is not { } lf)
            {
                return Unfinished(unexamined.Length);
            }

            var line = unexamined.Slice(0, lf);
            byte[]? rented = null;
            try
            {
                if (NextLine(line.IsSingleSegment ? line.FirstSpan : Copy(line, out rented), serverIdle) is { } done)
                {
                    return done;
                }
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }

    // A head whose end has not arrived: refused once it is already too large, else wait for more.
    private long Unfinished(long unexamined) => _headChecked + unexamined > _maxHeadBytes ? HeadTooLarge() : 0;

    // One line without its LF: what CheckHead returns once the head is done or refused, or null to read the next line.
    private long? NextLine(ReadOnlySpan<byte> line, bool serverIdle)
    {
        var lineBytes = line.Length + 1;
        if (_headChecked + lineBytes > _maxHeadBytes)
        {
            return HeadTooLarge();
        }

        if (CheckLine(line, out var endOfHead) is { } violation)
        {
            return Fail(violation.Code, violation.Message, inBody: false);
        }

        _headChecked += lineBytes;
        return endOfHead ? EndHead(serverIdle) : null;
    }

    private (string Code, string Message)? CheckLine(ReadOnlySpan<byte> content, out bool endOfHead)
    {
        endOfHead = false;
        if (content.IsEmpty || content[^1] != '\r')
        {
            return (FramingCodes.InvalidHeader, "lines must end with CRLF, not a bare LF");
        }

        content = content[..^1];
        if (content.Contains((byte)'\r'))
        {
            return (FramingCodes.InvalidHeader, "a bare CR is not allowed in a request head");
        }

        if (content.IsEmpty)
        {
            // Empty lines before the request line are ignored (RFC 9112 §2.2); after it, one ends the head.
            endOfHead = _headLines > 0;
            return null;
        }

        return _headLines++ == 0
            ? _head.RequestLine(content) is { } rule ? (FramingCodes.InvalidRequestLine, rule) : null
            : _head.HeaderLine(content);
    }

    private long EndHead(bool serverIdle)
    {
        if (_head.Finish() is { } violation)
        {
            return Fail(violation.Code, violation.Message, inBody: false);
        }

        if (_head.IsUpgrade)
        {
            _pendingUpgradeHead = _headChecked;
            return serverIdle ? PassUpgradeHead() : 0;
        }

        var length = _headChecked;
        if (_head.IsChunked)
        {
            StartChunk();
        }
        else if (_head.ContentLength > 0)
        {
            _remaining = _head.ContentLength.Value;
            _state = FramingState.Body;
        }

        NextHead();
        return length;
    }

    // The response to this request must be the next one the server writes: everything before it was consumed.
    private long PassUpgradeHead()
    {
        var length = _pendingUpgradeHead;
        _pendingUpgradeHead = 0;
        ResponseWatch.Arm();
        _state = FramingState.AwaitingUpgradeResponse;
        NextHead();
        return length;
    }

    private void NextHead()
    {
        Requests++;
        _headChecked = 0;
        _headLines = 0;
        _head.Reset();
    }

    private long HeadTooLarge() =>
        Fail(FramingCodes.HeaderTooLarge, $"the request head is larger than {_maxHeadBytes} bytes", inBody: false, status: StatusCodes.Status431RequestHeaderFieldsTooLarge);

    private long Fail(string code, string message, bool inBody, int status = StatusCodes.Status400BadRequest)
    {
        Violation = new FramingViolation(status, code, message, inBody, inBody ? Requests : Requests + 1);
        _state = FramingState.Failed;
        return 0;
    }

    // Returns the body bytes that check out; stops at the end of the request, or before the first bad byte.
    private long CheckBody(in ReadOnlySequence<byte> rest)
    {
        var reader = new SequenceReader<byte>(rest);
        while (!reader.End)
        {
            if (_state is FramingState.Body or FramingState.ChunkData)
            {
                var skip = Math.Min(_remaining, reader.Remaining);
                reader.Advance(skip);
                _remaining -= skip;
                if (_remaining == 0)
                {
                    _state = _state == FramingState.Body ? FramingState.Head : FramingState.ChunkDataCr;
                }
            }
            else
            {
                reader.TryRead(out var value);
                if (!Chunked(value))
                {
                    return reader.Consumed - 1;
                }
            }

            if (_state == FramingState.Head)
            {
                break;
            }
        }

        return reader.Consumed;
    }

    private void StartChunk()
    {
        _state = FramingState.ChunkSize;
        _chunkSize = 0;
        _chunkDigits = 0;
        _lineBytes = 0;
    }

    // One byte of chunked framing outside chunk data (RFC 9112 §7.1): false once it broke a rule.
    private bool Chunked(byte value)
    {
        switch (_state)
        {
            case FramingState.ChunkSize:
                var digit = HttpTokens.HexValue(value);
                if (digit >= 0)
                {
                    if (_chunkSize > long.MaxValue >> 4)
                    {
                        return BodyFails("the chunk size is too large");
                    }

                    _chunkSize = (_chunkSize << 4) | (long)digit;
                    _chunkDigits++;
                    return true;
                }

                if (_chunkDigits == 0)
                {
                    return BodyFails("a chunk size must be hexadecimal digits");
                }

                return value switch
                {
                    (byte)'\r' => Next(FramingState.ChunkSizeLf),
                    (byte)';' => Next(FramingState.ChunkExtension),
                    (byte)' ' or (byte)'\t' => Next(FramingState.ChunkSizeSpace),
                    (byte)'\n' => BodyFails("chunk lines must end with CRLF, not a bare LF"),
                    _ => BodyFails("a chunk size must be hexadecimal digits"),
                };
            case FramingState.ChunkSizeSpace:
                return value switch
                {
                    (byte)' ' or (byte)'\t' => true,
                    (byte)';' => Next(FramingState.ChunkExtension),
                    _ => BodyFails("only a chunk extension may follow a chunk size"),
                };
            case FramingState.ChunkExtension:
                if (++_lineBytes > MaxChunkLineBytes)
                {
                    return BodyFails($"a chunk extension is longer than {MaxChunkLineBytes} bytes");
                }

                return value switch
                {
                    (byte)'\r' => Next(FramingState.ChunkSizeLf),
                    (byte)'\n' => BodyFails("chunk lines must end with CRLF, not a bare LF"),
                    _ when HttpTokens.IsControl(value) => BodyFails("a chunk extension must not contain control characters"),
                    _ => true,
                };
            case FramingState.ChunkSizeLf:
                if (value != '\n')
                {
                    return BodyFails("chunk lines must end with CRLF, not a bare CR");
                }

                if (_chunkSize == 0)
                {
                    _trailerBytes = 0;
                    return Next(FramingState.TrailerLineStart);
                }

                _remaining = _chunkSize;
                return Next(FramingState.ChunkData);
            case FramingState.ChunkDataCr:
                return value == '\r' ? Next(FramingState.ChunkDataLf) : BodyFails("the chunk data is longer than its declared size");
            case FramingState.ChunkDataLf:
                if (value != '\n')
                {
                    return BodyFails("chunk data must end with CRLF");
                }

                StartChunk();
                return true;
            default:
                return Trailer(value);
        }
    }

    private bool Trailer(byte value)
    {
        if (++_trailerBytes > _maxHeadBytes)
        {
            return BodyFails($"the trailer section is larger than {_maxHeadBytes} bytes");
        }

        switch (_state)
        {
            case FramingState.TrailerLineStart:
                if (value == '\r')
                {
                    return Next(FramingState.TrailerEndLf);
                }

                return HttpTokens.IsToken(value) ? Next(FramingState.TrailerName)
                    : value is (byte)' ' or (byte)'\t' ? BodyFails("obsolete line folding is not allowed in trailers")
                    : BodyFails("a trailer field name must be a token followed by ':'");
            case FramingState.TrailerName:
                return HttpTokens.IsToken(value) ? true
                    : value == ':' ? Next(FramingState.TrailerValue)
                    : BodyFails("a trailer field name must be a token followed by ':'");
            case FramingState.TrailerValue:
                return value switch
                {
                    (byte)'\r' => Next(FramingState.TrailerLf),
                    (byte)'\n' => BodyFails("trailer lines must end with CRLF, not a bare LF"),
                    _ when HttpTokens.IsControl(value) => BodyFails("a trailer field value must not contain control characters"),
                    _ => true,
                };
            case FramingState.TrailerLf:
                return value == '\n' ? Next(FramingState.TrailerLineStart) : BodyFails("trailer lines must end with CRLF, not a bare CR");
            default:
                // TrailerEndLf: the empty line that ends the chunked body, and with it the request.
                return value == '\n' ? Next(FramingState.Head) : BodyFails("the chunked body must end with CRLF");
        }
    }

    private bool Next(FramingState state)
    {
        _state = state;
        return true;
    }

    private bool BodyFails(string message)
    {
        Fail(FramingCodes.InvalidBody, message, inBody: true);
        return false;
    }

    private static ReadOnlySpan<byte> Copy(in ReadOnlySequence<byte> line, out byte[] rented)
    {
        rented = ArrayPool<byte>.Shared.Rent((int)line.Length);
        line.CopyTo(rented);
        return rented.AsSpan(0, (int)line.Length);
    }
}
