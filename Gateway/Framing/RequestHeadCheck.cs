using System.Text;

namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// Checks one HTTP/1.x request head line by line against RFC 9112 and gathers the framing it declares: the body's
/// length or chunked coding, and whether the request asks for a protocol upgrade. Reused for every request of a
/// connection (<see cref="Reset"/>).
/// </summary>
internal sealed class RequestHeadCheck
{
    private int _contentLengths;
    private int _transferEncodings;
    private bool _chunkedOnly = true;
    private int _hosts;

    /// <summary>The request line said HTTP/1.0 (or any 1.x below 1.1, or 0.x).</summary>
    public bool IsHttp10 { get; private set; }

    /// <summary>The <c>Content-Length</c>, when there is one.</summary>
    public long? ContentLength { get; private set; }

    /// <summary>The body is chunked (the only transfer coding accepted).</summary>
    public bool IsChunked => _transferEncodings > 0;

    /// <summary><c>Connection</c> lists <c>upgrade</c>: after the head the server may switch protocols.</summary>
    public bool IsUpgrade { get; private set; }

    public void Reset()
    {
        _contentLengths = 0;
        _transferEncodings = 0;
        _chunkedOnly = true;
        _hosts = 0;
        IsHttp10 = false;
        ContentLength = null;
        IsUpgrade = false;
    }

    /// <summary><c>method SP request-target SP HTTP-version</c>, each part exactly as RFC 9112 §3 spells it.</summary>
    /// <returns>The rule broken, or null.</returns>
    public string? RequestLine(ReadOnlySpan<byte> line)
    {
        var space = line.IndexOf((byte)' ');
        if (space <= 0 || !HttpTokens.IsToken(line[..space]))
        {
            return "the method must be a token followed by one space";
        }

        var rest = line[(space + 1)..];
        space = rest.IndexOf((byte)' ');
        if (space <= 0 || rest[..space].ContainsAny(HttpTokens.TargetForbidden))
        {
            return "the request target must be visible ASCII followed by one space";
        }

        // HTTP-version is case-sensitive: "HTTP" "/" DIGIT "." DIGIT (RFC 9112 §2.3).
        var version = rest[(space + 1)..];
        if (version.Length != 8 || !version.StartsWith("HTTP/"u8) || !HttpTokens.Digits.Contains(version[5]) || version[6] != '.' || !HttpTokens.Digits.Contains(version[7]))
        {
            return "the protocol must be HTTP/<digit>.<digit>, upper case";
        }

        IsHttp10 = version[5] == '0' || (version[5] == '1' && version[7] == '0');
        return null;
    }

    /// <summary><c>field-name ":" OWS field-value OWS</c> (RFC 9112 §5), and the framing fields' own rules.</summary>
    /// <returns>The violation's code and rule, or null.</returns>
    public (string Code, string Message)? HeaderLine(ReadOnlySpan<byte> line)
    {
        if (line[0] is (byte)' ' or (byte)'\t')
        {
            return (FramingCodes.InvalidHeader, "obsolete line folding is not allowed");
        }

        var colon = line.IndexOf((byte)':');
        if (colon <= 0 || !HttpTokens.IsToken(line[..colon]))
        {
            return (FramingCodes.InvalidHeader, "a header field name must be a token followed by ':'");
        }

        var name = line[..colon];
        var value = line[(colon + 1)..];
        if (value.ContainsAny(HttpTokens.FieldValueForbidden))
        {
            return (FramingCodes.InvalidHeader, "a header field value must not contain control characters");
        }

        value = value.Trim(" \t"u8);
        if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
        {
            return ContentLengthField(value);
        }

        if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
        {
            TransferEncodingField(value);
        }
        else if (Ascii.EqualsIgnoreCase(name, "host"u8) && ++_hosts > 1)
        {
            return (FramingCodes.InvalidHeader, "a request must not have more than one Host header");
        }
        else if (Ascii.EqualsIgnoreCase(name, "connection"u8) && ListsToken(value, "upgrade"u8))
        {
            IsUpgrade = true;
        }

        return null;
    }

    /// <summary>The rules between fields, once the head is complete (RFC 9112 §6.1 and §6.3).</summary>
    public (string Code, string Message)? Finish()
    {
        if (_transferEncodings > 0)
        {
            if (!_chunkedOnly || _transferEncodings > 1)
            {
                return (FramingCodes.UnsupportedTransferCoding, FramingCodes.OnlyChunkedMessage);
            }

            if (_contentLengths > 0)
            {
                return (FramingCodes.AmbiguousFraming, FramingCodes.BothLengthAndCodingMessage);
            }

            if (IsHttp10)
            {
                return (FramingCodes.AmbiguousFraming, "an HTTP/1.0 request must not use Transfer-Encoding");
            }
        }

        // Kestrel refuses these too; refused here, the bytes after them are never read as another request.
        if (IsUpgrade && (ContentLength > 0 || _transferEncodings > 0))
        {
            return (FramingCodes.AmbiguousFraming, "an upgrade request must not have a body");
        }

        return null;
    }

    // 1*DIGIT only (RFC 9110 §8.6): no sign, no spaces inside, no list, and it fits a long. One field only: copies
    // that agree are allowed by the RFC, but nothing legitimate sends them and a parser in front may take either.
    private (string Code, string Message)? ContentLengthField(ReadOnlySpan<byte> value)
    {
        if (++_contentLengths > 1)
        {
            return (FramingCodes.InvalidContentLength, "a request must not have more than one Content-Length");
        }

        if (value.IsEmpty || value.ContainsAnyExcept(HttpTokens.Digits))
        {
            return (FramingCodes.InvalidContentLength, "Content-Length must be a sequence of digits");
        }

        long length = 0;
        foreach (var digit in value)
        {
            if (length > (long.MaxValue - 9) / 10)
            {
                return (FramingCodes.InvalidContentLength, "Content-Length is too large");
            }

            length = (length * 10) + (digit - '0');
        }

        ContentLength = length;
        return null;
    }

    private void TransferEncodingField(ReadOnlySpan<byte> value)
    {
        var codings = 0;
        foreach (var range in value.Split((byte)','))
        {
            var coding = value[range].Trim(" \t"u8);
            if (!coding.IsEmpty)
            {
                codings++;
                _chunkedOnly &= Ascii.EqualsIgnoreCase(coding, "chunked"u8);
            }
        }

        // An empty list is still a Transfer-Encoding field: counted, so that it is refused with the others.
        _transferEncodings += Math.Max(codings, 1);
        _chunkedOnly &= codings > 0;
    }

    private static bool ListsToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }
}
