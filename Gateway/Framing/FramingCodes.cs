namespace OrleansMesh.Gateway.Framing;

/// <summary>The <c>code</c> values of the mesh's answers to badly framed requests (flag <c>DPE</c>).</summary>
internal static class FramingCodes
{
    public const string InvalidRequestLine = "invalid_request_line";
    public const string InvalidHeader = "invalid_header";
    public const string InvalidContentLength = "invalid_content_length";
    public const string AmbiguousFraming = "ambiguous_framing";
    public const string UnsupportedTransferCoding = "unsupported_transfer_coding";
    public const string HeaderTooLarge = "request_header_too_large";
    public const string InvalidBody = "invalid_body";

    /// <summary>The rule a request with both framing headers breaks (checked per connection and per request).</summary>
    public const string BothLengthAndCodingMessage = "the request has both Content-Length and Transfer-Encoding";

    /// <summary>The rule a request with any transfer coding but <c>chunked</c> breaks.</summary>
    public const string OnlyChunkedMessage = "the transfer coding is not supported; only chunked is";
}
